package dev.tusk.kv.domain;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The shard instances' databases. Every method fails with {@link ShardUnavailableException} when
 * an instance does not answer or fails the call; none leaves a write half done.
 */
public interface Shards {

    /** Brings an instance's schema to this build's version (versioned scripts). */
    void prepare(ShardInstance instance);

    List<KvRow> read(ShardInstance instance, Key key);

    /** Writes a row if its version is newer than the stored one; else answers the winner. */
    WriteOutcome write(ShardInstance instance, KvRow row);

    /** Adds {@code delta} to the instance's own part of a counter. */
    void addToCounter(ShardInstance instance, Key key, long delta, long nowMicros, Instant expiresAt)
           ;

    ReplicationChannel channel(ShardInstance local, ShardInstance peer);

    /** The instance's progress pulling from {@code peer}, or null if it never pulled. */
    Progress progress(ShardInstance instance, String peer);

    void forget(ShardInstance instance, String peer);

    Map<Integer, String> digests(ShardInstance instance, long settledBeforeMicros);

    List<KvRow> bucket(ShardInstance instance, int bucket);

    /** @return rows that were newer than the instance's */
    int applyRows(ShardInstance instance, List<KvRow> rows);

    /** Like {@link #applyRows}, but only over rows the instance has: never adds one. */
    int applyOverExisting(ShardInstance instance, List<KvRow> rows);

    long removeTombstones(ShardInstance instance, long belowXid, long beforeMicros);

    int sweepExpired(ShardInstance instance, Instant before);

    /** Closes connections to instances not in the list. */
    void retainOnly(List<ShardInstance> instances);
}
