package dev.tusk.tracker.domain;

import java.util.List;
import java.util.Map;

/**
 * The changes one flush sends to the store: at most one write per peer of a swarm, ordered by
 * info hash and peer (so that two nodes' batches lock rows in the same order and cannot
 * deadlock), and the downloads each swarm gained.
 */
public record WriteBatch(List<PeerWrite> writes, Map<InfoHash, Long> downloads) {

    public WriteBatch {
        writes = List.copyOf(writes);
        downloads = Map.copyOf(downloads);
    }

    public boolean isEmpty() {
        return writes.isEmpty() && downloads.isEmpty();
    }

    public int size() {
        return writes.size() + downloads.size();
    }
}
