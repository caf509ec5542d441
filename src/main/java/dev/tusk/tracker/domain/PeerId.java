package dev.tusk.tracker.domain;

import java.util.Arrays;

/** A peer's self-chosen 20-byte id. Immutable; equal by content. */
public final class PeerId {
    public static final int LENGTH = 20;

    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static PeerId of(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("a peer id is 20 bytes");
        }
        return new PeerId(raw.clone());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId other && Arrays.equals(bytes, other.bytes);
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
