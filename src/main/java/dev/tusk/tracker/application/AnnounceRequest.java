package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.AnnounceEvent;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;

/**
 * A validated announce: who, for which swarm, how far along, how many peers it wants, and whether
 * its reply lists the peers as a whole ({@code peerIds}: an HTTP reply of dictionaries; a compact
 * or UDP reply has their addresses and ports only, so their ids need not be read).
 */
public record AnnounceRequest(InfoHash infoHash, Peer peer, AnnounceEvent event, long uploaded, long downloaded,
        long left, int numWant, boolean peerIds) {

    public boolean isSeeder() {
        return left == 0;
    }
}
