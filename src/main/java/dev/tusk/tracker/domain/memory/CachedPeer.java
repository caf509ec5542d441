package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.Peer;

/** A peer of a cached swarm: its role, when it was last seen, and where it sits in its list. */
final class CachedPeer {
    final Peer peer;
    boolean seeder;
    long lastSeenMillis;
    int index = -1;

    CachedPeer(Peer peer, boolean seeder, long lastSeenMillis) {
        this.peer = peer;
        this.seeder = seeder;
        this.lastSeenMillis = lastSeenMillis;
    }
}
