package dev.tusk.tracker.domain;

import java.util.Arrays;

/** A key of the data store: raw bytes (an info hash is stored raw, as MoChi does). */
public final class ByteKey {
    private final byte[] bytes;

    private ByteKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ByteKey of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a key is at least one byte");
        }
        return new ByteKey(bytes.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Bytes.hex(bytes);
    }
}
