package dev.tusk.tracker.domain;

import java.util.Arrays;

/** An immutable identifier made of raw bytes, equal by content, shown in hex. */
abstract class RawBytes {
    private final byte[] bytes;

    RawBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((RawBytes) o).bytes);
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
