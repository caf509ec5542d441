package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.PeerId;
import java.util.Arrays;

/**
 * The peers of one role and address family of a swarm, packed for sampling: the entries, their
 * peer ids' hashes and their compact wire forms in three parallel arrays, so that choosing and
 * encoding 50 peers reads three contiguous runs of memory instead of 50 scattered objects.
 * Constant-time add and remove (the last entry fills the hole); a sample is a window of
 * consecutive entries from a random start.
 */
final class PeerList {
    private static final int INITIAL = 4;
    private final int width;
    private CachedPeer[] entries = new CachedPeer[INITIAL];
    private int[] idHashes = new int[INITIAL];
    private byte[] compact;
    private int size;

    PeerList(boolean v6) {
        width = CompactPeers.width(v6);
        compact = new byte[INITIAL * width];
    }

    void add(CachedPeer peer) {
        if (size == entries.length) {
            resize(size * 2);
        }
        entries[size] = peer;
        idHashes[size] = peer.peer.id().hashCode();
        CompactPeers.write(peer.peer, compact, size * width);
        peer.index = size++;
    }

    void remove(CachedPeer peer) {
        int hole = peer.index;
        int last = --size;
        if (hole != last) {
            CachedPeer moved = entries[last];
            entries[hole] = moved;
            idHashes[hole] = idHashes[last];
            System.arraycopy(compact, last * width, compact, hole * width, width);
            moved.index = hole;
        }
        entries[last] = null;
        peer.index = -1;
        if (entries.length > INITIAL * 4 && size < entries.length / 4) {
            resize(entries.length / 2);
        }
    }

    private void resize(int capacity) {
        entries = Arrays.copyOf(entries, capacity);
        idHashes = Arrays.copyOf(idHashes, capacity);
        compact = Arrays.copyOf(compact, capacity * width);
    }

    int size() {
        return size;
    }

    /**
     * Adds peers consecutive from {@code start} (wrapping) to {@code into} until it holds
     * {@code limit} or this list is exhausted, skipping any peer with the id {@code skip} (null:
     * none).
     */
    void sample(int limit, int start, PeerId skip, SampledPeers into) {
        int n = size;
        if (n == 0 || into.size() >= limit) {
            return;
        }
        int skipHash = skip == null ? 0 : skip.hashCode();
        int at = start % n;
        for (int seen = 0; seen < n && into.size() < limit; seen++) {
            if (skip == null || idHashes[at] != skipHash || !entries[at].peer.id().equals(skip)) {
                into.add(entries[at], compact, at * width, width);
            }
            if (++at == n) {
                at = 0;
            }
        }
    }
}
