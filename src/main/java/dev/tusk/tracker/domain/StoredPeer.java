package dev.tusk.tracker.domain;

/** A peer as a store holds it: its role and when it was last seen (milliseconds since the epoch). */
public record StoredPeer(Peer peer, boolean seeder, long lastSeenMillis) {
}
