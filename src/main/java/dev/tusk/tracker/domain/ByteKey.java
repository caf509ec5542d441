package dev.tusk.tracker.domain;

/** A key of the data store: raw bytes (an info hash is stored raw, as MoChi does). */
public final class ByteKey extends RawBytes {

    private ByteKey(byte[] bytes) {
        super(bytes);
    }

    public static ByteKey of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("a key is at least one byte");
        }
        return new ByteKey(bytes.clone());
    }
}
