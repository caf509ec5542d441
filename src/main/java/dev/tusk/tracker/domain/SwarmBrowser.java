package dev.tusk.tracker.domain;

import java.time.Instant;
import java.util.List;

/** Read-only views of the store for operators (not on any client's path). */
public interface SwarmBrowser {

    /** A peer as an operator sees it. */
    record PeerView(Peer peer, boolean seeder, Instant lastSeen) {
    }

    /** The peers of one swarm, most recently seen first, at most {@code limit}. */
    List<PeerView> peers(InfoHash infoHash, int limit);

    /** The keys of one data context, in byte order, at most {@code limit}. */
    List<ByteKey> keys(String context, int limit);
}
