package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.PeerId;
import java.util.Arrays;

/**
 * The peers of one role and address family of a {@link CachedSwarm}, packed for sampling: their
 * entry numbers in the swarm, their peer ids' hashes and their compact wire forms in parallel
 * arrays, so that choosing and encoding 50 peers reads contiguous memory and allocates nothing
 * per peer. Constant-time add and remove (the last member fills the hole); a sample is a window
 * of consecutive members from a random start.
 */
final class PeerList {
    private static final int INITIAL = 4;
    private final int width;
    private int[] members = new int[INITIAL];
    private int[] idHashes = new int[INITIAL];
    private byte[] compact;
    private int size;

    PeerList(boolean v6) {
        width = CompactPeers.width(v6);
        compact = new byte[INITIAL * width];
    }

    /** @return the new member's position */
    int add(int entry, int idHash, byte[] address, int port) {
        if (size == members.length) {
            resize(size * 2);
        }
        members[size] = entry;
        idHashes[size] = idHash;
        int at = size * width;
        System.arraycopy(address, 0, compact, at, address.length);
        compact[at + address.length] = (byte) (port >>> 8);
        compact[at + address.length + 1] = (byte) port;
        return size++;
    }

    /** @return the entry that moved into {@code position}, or -1 when it was the last */
    int remove(int position) {
        int last = --size;
        int moved = -1;
        if (position != last) {
            moved = members[last];
            members[position] = moved;
            idHashes[position] = idHashes[last];
            System.arraycopy(compact, last * width, compact, position * width, width);
        }
        if (members.length > INITIAL * 4 && size < members.length / 4) {
            resize(members.length / 2);
        }
        return moved;
    }

    /** The swarm moved the member at {@code position} to another entry number. */
    void renumber(int position, int entry) {
        members[position] = entry;
    }

    private void resize(int capacity) {
        members = Arrays.copyOf(members, capacity);
        idHashes = Arrays.copyOf(idHashes, capacity);
        compact = Arrays.copyOf(compact, capacity * width);
    }

    int size() {
        return size;
    }

    /**
     * Adds members consecutive from {@code start} (wrapping) to {@code into} until it holds
     * {@code limit} or this list is exhausted, skipping any whose peer id is {@code skip} (null:
     * none; ids are compared in the swarm's {@code keys}).
     */
    void sample(int limit, int start, PeerId skip, CachedSwarm swarm, SampledPeers into) {
        int n = size;
        if (n == 0 || into.size() >= limit) {
            return;
        }
        int skipHash = skip == null ? 0 : skip.hashCode();
        int at = start % n;
        for (int seen = 0; seen < n && into.size() < limit; ) {
            // up to the end of the arrays, the members not seen yet or the peers still wanted
            int end = at + Math.min(Math.min(n - at, n - seen), limit - into.size());
            int from = at;
            for (int i = at; i < end; i++) {
                if (skip != null && idHashes[i] == skipHash && swarm.hasId(members[i], skip)) {
                    copy(from, i, swarm, into);
                    from = i + 1;
                }
            }
            copy(from, end, swarm, into);
            seen += end - at;
            at = end == n ? 0 : end;
        }
    }

    /** Members {@code from} to {@code to} (exclusive) into the sample: their compact forms in one copy when it keeps no ids. */
    private void copy(int from, int to, CachedSwarm swarm, SampledPeers into) {
        if (!into.keepsIds()) {
            into.addCompact(compact, from * width, to - from, width);
            return;
        }
        for (int i = from; i < to; i++) {
            into.add(compact, i * width, width, swarm.keys(), swarm.idOffset(members[i]));
        }
    }
}
