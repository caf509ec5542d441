package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers of one role and address family of a swarm: constant-time add and remove (the last
 * entry fills the hole), and a window of consecutive entries from a random start as a sample.
 */
final class PeerList {
    private final ArrayList<CachedPeer> entries = new ArrayList<>();

    void add(CachedPeer peer) {
        peer.index = entries.size();
        entries.add(peer);
    }

    void remove(CachedPeer peer) {
        CachedPeer last = entries.remove(entries.size() - 1);
        if (last != peer) {
            entries.set(peer.index, last);
            last.index = peer.index;
        }
        peer.index = -1;
    }

    int size() {
        return entries.size();
    }

    /** Up to {@code limit} peers, consecutive from {@code start} (wrapping), appended to {@code into}. */
    void sample(int limit, int start, List<Peer> into) {
        int size = entries.size();
        int n = Math.min(limit, size);
        for (int i = 0; i < n; i++) {
            into.add(entries.get((start + i) % size).peer);
        }
    }
}
