package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.WriteBatch;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The store's totals as the sum of its {@link InfoHashRanges}' last counts (info hashes, seeders,
 * leechers), each sweep counting ranges again, oldest first, for up to a time budget (ranges never
 * counted are counted whatever the budget). What this node's write-behind stored since a range was
 * counted is added to that range ({@link #written}), so this node's writes are in the totals as
 * soon as the store has them; other nodes' rows are once their range is counted again. A removal of
 * more than 1 % of the rows ({@link #removed}) has every range counted again at the next sweep.
 */
final class RangeTotals {
    /** Counts range {@code range} of {@code of}: info hashes, seeders, leechers. */
    @FunctionalInterface
    interface Counter {
        long[] count(int range, int of);
    }

    private final Counter counter;
    private final LongSupplier nanoTime;
    private final long budgetNanos;

    /** Per range: info hashes, seeders, leechers; null until counted. Only the sweeping thread uses these two. */
    private long[][] counts = new long[0][];
    private int next;
    /**
     * Per range: seeders and leechers written since the range was counted; guarded by
     * {@code deltas}, not by the sweep, so that a flush never waits for a count.
     */
    private final Object deltas = new Object();
    private long[][] written = new long[0][];

    RangeTotals(Counter counter, LongSupplier nanoTime, long budgetNanos) {
        this.counter = counter;
        this.nanoTime = nanoTime;
        this.budgetNanos = budgetNanos;
    }

    /** Counts ranges again for up to the budget (all of them when their number changed) and answers the totals. */
    synchronized StoreStatistics sweep(int ranges) {
        if (ranges != counts.length) {
            counts = new long[ranges][];
            synchronized (deltas) {
                written = new long[ranges][2];
            }
            next = 0;
        }
        long started = nanoTime.getAsLong();
        int counted = 0;
        while (counted < counts.length
                && (counted == 0 || counts[next] == null || nanoTime.getAsLong() - started < budgetNanos)) {
            synchronized (deltas) {
                written[next] = new long[2];
            }
            counts[next] = counter.count(next, counts.length);
            next = (next + 1) % counts.length;
            counted++;
        }
        long[] sum = new long[3];
        for (long[] c : counts) {
            for (int i = 0; i < 3; i++) {
                sum[i] += c[i];
            }
        }
        synchronized (deltas) {
            for (long[] d : written) {
                sum[1] += d[0];
                sum[2] += d[1];
            }
        }
        return new StoreStatistics(sum[0], sum[1], sum[2]);
    }

    /** A batch the store has: its change to each range's seeders and leechers, until the range is counted again. */
    void written(WriteBatch batch) {
        synchronized (deltas) {
            if (written.length == 0) {
                return;
            }
            for (PeerWrite w : batch.writes()) {
                int seeders = w.seedersDelta();
                int leechers = w.leechersDelta();
                if ((seeders | leechers) != 0) {
                    long[] delta = written[InfoHashRanges.of(w.infoHash().bytes(), written.length)];
                    delta[0] += seeders;
                    delta[1] += leechers;
                }
            }
        }
    }

    /**
     * The peers the last counts and this node's writes since add up to (0 before the first
     * sweep): what the table holds as far as this node knows, which PostgreSQL's own estimate
     * ({@code reltuples}) lags behind until the table is analyzed.
     */
    synchronized long peers() {
        long peers = 0;
        for (long[] c : counts) {
            peers += c == null ? 0 : c[1] + c[2];
        }
        synchronized (deltas) {
            for (long[] d : written) {
                peers += d[0] + d[1];
            }
        }
        return peers;
    }

    /** Rows were removed (garbage collection): when more than 1 % of them, every range is counted at the next sweep. */
    synchronized void removed(long rows) {
        if (rows * 100 > peers()) {
            Arrays.fill(counts, null);
        }
    }
}
