package dev.tusk.tracker.domain;

import java.util.List;

/**
 * What a store holds of one swarm. {@code complete}: every peer of the swarm and its download
 * count (a load, or a store that refreshes whole swarms); otherwise only the peers written since
 * some time (a refresh by last-seen time), with no download count.
 */
public record SwarmSnapshot(InfoHash infoHash, List<StoredPeer> peers, long downloads, boolean complete) {

    public SwarmSnapshot {
        peers = List.copyOf(peers);
    }

    public static SwarmSnapshot empty(InfoHash infoHash) {
        return new SwarmSnapshot(infoHash, List.of(), 0, true);
    }
}
