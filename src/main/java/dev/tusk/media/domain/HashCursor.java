package dev.tusk.media.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in the hash listing: (created_at, hash), the listing's own order, so a page placed
 * after a hash that was deleted meanwhile still starts where it was. As a slug: URL-safe base64
 * of the time (microseconds, 8 bytes) followed by the 39-byte hash.
 */
public record HashCursor(Instant createdAt, ContentHash hash) {

    public String slug() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        byte[] raw = ByteBuffer.allocate(8 + ContentHash.LENGTH).putLong(micros).put(hash.bytes()).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** @throws IllegalArgumentException for text that is not a slug */
    public static HashCursor fromSlug(String slug) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(slug);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a page slug", e);
        }
        if (raw.length != 8 + ContentHash.LENGTH) {
            throw new IllegalArgumentException("not a page slug");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        long micros = b.getLong();
        byte[] hash = new byte[ContentHash.LENGTH];
        b.get(hash);
        return new HashCursor(Instant.EPOCH.plusNanos(micros * 1000), ContentHash.fromBytes(hash));
    }
}
