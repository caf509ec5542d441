package dev.tusk.tracker.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the swarm cache needs of the store of record: batches of changes written, whole swarms
 * read, other writers' changes found.
 */
public interface SwarmStore {

    /**
     * Writes a batch of changes from the write-behind buffer: puts (a put as seeder also takes a
     * leecher with the same key out of the leechers), removes (in either role) and download
     * counts, in one transaction where the store has them.
     */
    void write(WriteBatch batch);

    /** Whole swarms (every peer with its role and last-seen time, and downloads); unknown ones empty. */
    Map<InfoHash, SwarmSnapshot> loadSwarms(Collection<InfoHash> infoHashes);

    /**
     * What other writers may have changed, for a cache to lay over its swarms: the peers written
     * at or after {@code since} (incomplete snapshots), or, for a store that cannot tell by time,
     * the whole of the {@code recentlyUsed} swarms.
     */
    List<SwarmSnapshot> changesSince(Instant since, Collection<InfoHash> recentlyUsed);

    /**
     * Reads every swarm, a chunk of whole swarms at a time (each read short), for a cache to fill
     * itself at start; stops as soon as {@code chunk} answers false.
     */
    void scanSwarms(Predicate<Collection<SwarmSnapshot>> chunk);
}
