package dev.tusk.kv.domain;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shard instances' databases. Every method may fail with an exception when an instance
 * does not answer; none leaves a write half done.
 */
public interface Shards {

    /** Brings an instance's schema to this build's version (versioned scripts). */
    void prepare(ShardInstance instance) throws Exception;

    List<KvRow> read(ShardInstance instance, String namespace, String key) throws Exception;

    /** Writes a row if its version is newer than the stored one; else answers the winner. */
    WriteOutcome write(ShardInstance instance, KvRow row) throws Exception;

    /** Adds {@code delta} to the instance's own part of a counter. */
    void addToCounter(ShardInstance instance, String namespace, String key, long delta, long nowMicros, Instant expiresAt)
            throws Exception;

    ReplicationChannel channel(ShardInstance local, ShardInstance peer) throws Exception;

    /** The instance's progress pulling from {@code peer}, or null if it never pulled. */
    Progress progress(ShardInstance instance, String peer) throws Exception;

    void forget(ShardInstance instance, String peer) throws Exception;

    Map<Integer, String> digests(ShardInstance instance, long settledBeforeMicros) throws Exception;

    List<KvRow> bucket(ShardInstance instance, int bucket) throws Exception;

    /** @return rows that were newer than the instance's */
    int applyRows(ShardInstance instance, List<KvRow> rows) throws Exception;

    /** Like {@link #applyRows}, but only over rows the instance has: never adds one. */
    int applyOverExisting(ShardInstance instance, List<KvRow> rows) throws Exception;

    long removeTombstones(ShardInstance instance, long belowXid, long beforeMicros) throws Exception;

    int sweepExpired(ShardInstance instance, Instant before) throws Exception;

    /** Closes connections to instances not in the list. */
    void retainOnly(List<ShardInstance> instances);
}
