package dev.tusk.tracker.infrastructure.redis;

import java.util.List;

/**
 * How the Redis store changes a swarm hash together with what depends on it: the set
 * {@code CHI_I} of swarm keys and the counters {@code CHI_C_S}/{@code CHI_C_L}. A peer key and a
 * last-seen time are in {@link RedisKeys}' form; a swarm's "other" hash is the same family's
 * other role, which a peer leaves when it takes this one.
 */
public interface SwarmWrites {

    /** The writes for this connection: atomic scripts, or key by key on a Redis Cluster. */
    static SwarmWrites of(RedisConnection redis) {
        return redis.clustered() ? new KeyByKeySwarmWrites(redis) : new ScriptedSwarmWrites(redis);
    }

    /** Adds or refreshes a peer in a swarm, taking it out of the other role's swarm. */
    void put(Swarms swarms, byte[] peer, byte[] nanos);

    /** Deletes a peer from a swarm; whether it was there. */
    boolean delete(byte[] swarm, byte[] counter, byte[] peer);

    /** Moves a peer from leechers to seeders (adding it if absent) and counts the download. */
    void graduate(Swarms swarms, byte[] peer, byte[] nanos, byte[] infoHash);

    /** Deletes the candidates still last seen at or before the cutoff; how many. */
    long collect(byte[] swarm, byte[] counter, byte[] cutoffNanos, List<byte[]> candidates);

    /**
     * Restores peers with their last-seen times (peer, nanos, peer, nanos...): a peer already
     * known as late, in either role, stays as it is.
     */
    void restore(Swarms swarms, List<byte[]> peersAndNanos);

    /**
     * Writes a batch from the write-behind buffer: each put and delete as its own step (a delete
     * in both roles), then the downloads; not one transaction, but each step is idempotent except
     * the download counts.
     */
    void write(dev.tusk.tracker.domain.WriteBatch batch);

    /** A swarm hash, its role's counter, and the same family's other role with its counter. */
    public record Swarms(byte[] swarm, byte[] counter, byte[] other, byte[] otherCounter) {
        static Swarms of(dev.tusk.tracker.domain.InfoHash infoHash, boolean seeders, boolean v6) {
            return new Swarms(RedisKeys.swarm(infoHash, seeders, v6), seeders ? RedisKeys.SEEDER_COUNT : RedisKeys.LEECHER_COUNT,
                    RedisKeys.swarm(infoHash, !seeders, v6), seeders ? RedisKeys.LEECHER_COUNT : RedisKeys.SEEDER_COUNT);
        }
    }
}
