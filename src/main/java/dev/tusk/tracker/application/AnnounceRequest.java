package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.AnnounceEvent;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;

/** A validated announce: who, for which swarm, how far along, and how many peers it wants. */
public record AnnounceRequest(InfoHash infoHash, Peer peer, AnnounceEvent event, long uploaded, long downloaded,
        long left, int numWant) {

    public boolean isSeeder() {
        return left == 0;
    }
}
