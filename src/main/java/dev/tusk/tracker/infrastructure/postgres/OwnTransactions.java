package dev.tusk.tracker.infrastructure.postgres;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The transactions this node's flushes committed in (PostgreSQL's 32-bit transaction ids, as a
 * row's {@code xmin} shows them) and when: the refresh that lays other writers' rows over the
 * cache skips rows these transactions wrote (the cache has them), so it reads back only what
 * other nodes or MoChi wrote. Kept as long as a refresh may ask for them (an hour at most).
 * Thread-safe.
 */
final class OwnTransactions {
    private static final long KEPT_MILLIS = 3_600_000;
    private final Deque<long[]> flushes = new ArrayDeque<>();

    /** @param xid the flush's transaction, null when the server did not say */
    synchronized void remember(Object xid, long committedAtMillis) {
        if (xid instanceof Long id) {
            flushes.addLast(new long[] {id, committedAtMillis});
        }
        while (!flushes.isEmpty() && flushes.peekFirst()[1] < committedAtMillis - KEPT_MILLIS) {
            flushes.removeFirst();
        }
    }

    /**
     * The transactions of flushes that committed at or after {@code sinceMillis} (a flush writes
     * rows created before it commits; one that committed before the refresh's lower bound wrote no
     * row the refresh reads); older ones are forgotten, the refresh never goes back further.
     */
    synchronized long[] since(long sinceMillis) {
        while (!flushes.isEmpty() && flushes.peekFirst()[1] < sinceMillis) {
            flushes.removeFirst();
        }
        long[] ids = new long[flushes.size()];
        int i = 0;
        for (long[] f : flushes) {
            ids[i++] = f[0];
        }
        return ids;
    }
}
