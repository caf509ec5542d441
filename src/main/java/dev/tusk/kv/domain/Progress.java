package dev.tusk.kv.domain;

/**
 * Where a shard instance stands pulling from one peer: the peer's transactions below
 * {@code xid} are applied, as the peer's clock read {@code peerNowMicros} then.
 */
public record Progress(long xid, long peerNowMicros) {
}
