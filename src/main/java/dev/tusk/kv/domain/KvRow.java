package dev.tusk.kv.domain;

import java.time.Instant;

/**
 * One row of a shard instance: the latest version of a key ({@code part} empty) or of one
 * zone's part of a counter ({@code part} = that instance's id). A tombstone has no value.
 */
public record KvRow(String namespace, String key, String part, ValueKind kind, byte[] value, Version version,
        Instant expiresAt) {

    public boolean isTombstone() {
        return kind == ValueKind.TOMBSTONE;
    }
}
