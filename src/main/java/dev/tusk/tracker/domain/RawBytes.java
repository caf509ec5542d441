package dev.tusk.tracker.domain;

import java.util.Arrays;

/**
 * An immutable identifier made of raw bytes, equal by content, ordered as unsigned bytes, shown
 * in hex. Its hash is computed once: identifiers are map keys on the tracker's hot path.
 */
abstract class RawBytes {
    private final byte[] bytes;
    private final int hash;

    RawBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Whether {@code src} holds these bytes from {@code at} on. */
    public final boolean matches(byte[] src, int at) {
        return Arrays.equals(bytes, 0, bytes.length, src, at, at + bytes.length);
    }

    /** Copies these bytes into {@code dest} at {@code at}. */
    public final void copyTo(byte[] dest, int at) {
        System.arraycopy(bytes, 0, dest, at, bytes.length);
    }

    /** Compares as unsigned bytes, without copying them. */
    final int compareBytes(RawBytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o != null && o.getClass() == getClass() && hash == ((RawBytes) o).hash
                && Arrays.equals(bytes, ((RawBytes) o).bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Bytes.hex(bytes);
    }
}
