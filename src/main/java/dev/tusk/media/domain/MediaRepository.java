package dev.tusk.media.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The media repository, one small interface per concern (pict-rs's repo traits). */
public final class MediaRepository {
    private MediaRepository() {
    }

    /** A page of hashes, newest first, with the cursors around it. */
    public record HashPage(List<ContentHash> hashes, HashCursor prev, HashCursor next) {
    }

    public interface Hashes {
        long size();

        Inserted create(ContentHash hash, String identifier, Instant createdAt);

        Optional<String> identifier(ContentHash hash);

        void updateIdentifier(ContentHash hash, String identifier);

        /** Up to {@code limit} hashes from {@code bound} (inclusive; null: the newest), by (created_at, hash) descending. */
        HashPage page(HashCursor bound, int limit);

        /** The page that starts at the newest hash created at or before {@code date}. */
        HashPage pageByDate(Instant date, int limit);

        /** Deletes the hash row (its aliases and variants must be gone). */
        void cleanup(ContentHash hash);
    }

    public interface Aliases {
        Inserted create(String alias, String token, ContentHash hash);

        Optional<String> deleteToken(String alias);

        Optional<ContentHash> hash(String alias);

        List<String> forHash(ContentHash hash);

        void cleanup(String alias);
    }

    public interface Variants {
        Inserted relate(ContentHash hash, String variant, String identifier);

        Optional<String> identifier(ContentHash hash, String variant);

        /** Variant name -> identifier. */
        List<String[]> all(ContentHash hash);

        void remove(ContentHash hash, String variant);

        void accessed(ContentHash hash, String variant);
    }

    public interface Details {
        /** The first write wins. */
        void relate(String identifier, ImageDetails details);

        Optional<ImageDetails> get(String identifier);

        void cleanup(String identifier);
    }

    public interface Uploads {
        UUID create();

        /** The result JSON once the upload is complete; empty while it runs. @throws java.util.NoSuchElementException for an unknown id */
        Optional<String> result(UUID id);

        void complete(UUID id, String resultJson);

        /** Deletes the upload row (claimed). @return whether it existed */
        boolean claim(UUID id);

        /** Uploads created before {@code before} that nobody claimed: removed. @return how many */
        int expire(Instant before);
    }

    public interface Settings {
        void set(String key, byte[] value);

        Optional<byte[]> get(String key);

        void remove(String key);
    }
}
