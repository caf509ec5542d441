package dev.tusk.kv.domain;

/** One direction of replication: a local shard instance pulling from one peer instance ({@link ShardUnavailableException} when either fails). */
public interface ReplicationChannel extends AutoCloseable {

    /** Where this instance stands with the peer, or null if it never pulled. */
    Progress progress();

    /** The peer's rows after the keyset position (xid, namespace, key, part), at most {@code limit}. */
    PeerChanges pull(long afterXid, String afterNamespace, String afterKey, String afterPart, int limit);

    /**
     * Applies the rows and records {@code progressXid} in one local transaction.
     *
     * @return rows that were newer than the local ones
     */
    int apply(java.util.List<KvRow> rows, long progressXid, long peerNowMicros);

    @Override
    void close();
}
