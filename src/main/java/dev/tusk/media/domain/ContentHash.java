package dev.tusk.media.domain;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * An image's identity, 39 bytes as pict-rs has it: SHA-256 of the bytes (32), their length (6,
 * big-endian) and the format (1). Shown in the HTTP API as URL-safe base64 (a paging "slug").
 */
public final class ContentHash {
    public static final int LENGTH = 39;
    private static final long MAX_SIZE = (1L << 48) - 1;
    private final byte[] bytes;

    private ContentHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static ContentHash of(byte[] sha256, long size, ImageFormat format) {
        if (sha256.length != 32 || size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a hash is 32 bytes of SHA-256 and a size below 2^48");
        }
        ByteBuffer b = ByteBuffer.allocate(LENGTH).put(sha256);
        for (int shift = 40; shift >= 0; shift -= 8) {
            b.put((byte) (size >>> shift));
        }
        b.put((byte) format.code());
        return new ContentHash(b.array());
    }

    /** @throws IllegalArgumentException for anything but 39 bytes with a known format */
    public static ContentHash fromBytes(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("a content hash is " + LENGTH + " bytes");
        }
        ImageFormat.ofCode(raw[LENGTH - 1]);
        return new ContentHash(raw.clone());
    }

    /** @throws IllegalArgumentException for text that is not a slug */
    public static ContentHash fromSlug(String slug) {
        try {
            return fromBytes(Base64.getUrlDecoder().decode(slug));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hash slug: " + slug, e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public long size() {
        long size = 0;
        for (int i = 32; i < 38; i++) {
            size = size << 8 | (bytes[i] & 0xff);
        }
        return size;
    }

    public ImageFormat format() {
        return ImageFormat.ofCode(bytes[LENGTH - 1]);
    }

    public String slug() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContentHash h && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return slug();
    }
}
