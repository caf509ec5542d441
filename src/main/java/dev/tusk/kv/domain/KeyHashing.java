package dev.tusk.kv.domain;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Where a key lives, the same on every node: its shard is CRC-32C of the key's UTF-8 bytes,
 * unsigned, modulo the number of shards (shards are numbered by their catalog position), and its
 * digest bucket is the same hash modulo {@link #BUCKETS}.
 */
public final class KeyHashing {
    public static final int BUCKETS = 64;

    private KeyHashing() {
    }

    public static long hash(String key) {
        CRC32C crc = new CRC32C();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    public static int shard(String key, int shards) {
        if (shards <= 0) {
            throw new IllegalStateException("the catalog has no shards");
        }
        return (int) (hash(key) % shards);
    }

    public static int bucket(String key) {
        return (int) (hash(key) % BUCKETS);
    }
}
