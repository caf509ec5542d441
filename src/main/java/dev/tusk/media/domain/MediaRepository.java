package dev.tusk.media.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

        Inserted create(ContentHash hash, FileIdentifier identifier, Instant createdAt);

        Optional<FileIdentifier> identifier(ContentHash hash);

        void updateIdentifier(ContentHash hash, FileIdentifier identifier);

        /** Up to {@code limit} hashes from {@code bound} (inclusive; null: the newest), by (created_at, hash) descending. */
        HashPage page(HashCursor bound, int limit);

        /** The page that starts at the newest hash created at or before {@code date}. */
        HashPage pageByDate(Instant date, int limit);

        /** Where a hash stands in the listing (for paging from it), if it exists. */
        Optional<HashCursor> bound(ContentHash hash);

        void relateMotionIdentifier(ContentHash hash, FileIdentifier identifier);

        Optional<FileIdentifier> motionIdentifier(ContentHash hash);

        void relateBlurhash(ContentHash hash, String blurhash);

        Optional<String> blurhash(ContentHash hash);

        /**
         * One of {@code count} disjoint slices of all hashes (by their first byte), in hash order,
         * after {@code after} (null: from the start): how a partitioned job walks them.
         */
        List<ContentHash> slice(int index, int count, ContentHash after, int limit);

        /** Deletes the hash row (its aliases and variants must be gone). */
        void cleanup(ContentHash hash);
    }

    public interface Aliases {
        Inserted create(Alias alias, String token, ContentHash hash);

        Optional<String> deleteToken(Alias alias);

        Optional<ContentHash> hash(Alias alias);

        List<Alias> forHash(ContentHash hash);

        void cleanup(Alias alias);
    }

    public interface Variants {
        Inserted relate(ContentHash hash, String variant, FileIdentifier identifier);

        Optional<FileIdentifier> identifier(ContentHash hash, String variant);

        List<Variant> all(ContentHash hash);

        void remove(ContentHash hash, String variant);

        void updateIdentifier(ContentHash hash, String variant, FileIdentifier identifier);

        void accessed(ContentHash hash, String variant);

        /** Variants last served before {@code before}, oldest first: (hash, variant name). */
        List<Map.Entry<ContentHash, String>> olderThan(Instant before, int limit);

        /** Any variants at all, up to {@code limit}: (hash, variant name). */
        List<Map.Entry<ContentHash, String>> any(int limit);
    }

    public interface Details {
        /** The first write wins. */
        void relate(FileIdentifier identifier, ImageDetails details);

        Optional<ImageDetails> get(FileIdentifier identifier);

        void cleanup(FileIdentifier identifier);
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

    /** How much the repository holds, for the operator's charts. */
    public interface Counts {
        /**
         * Originals, aliases, uploads whose ingest has not ended, and the originals' bytes in the
         * file store and in the object store (their sizes are part of their hashes).
         */
        record Figures(long hashes, long aliases, long uploadsInFlight, long fileBytes, long s3Bytes) {
        }

        Figures now();
    }

    /** Remote images fetched by URL and kept under an alias, with their last access. */
    public interface Proxies {
        Inserted relate(String url, Alias alias);

        Optional<Alias> related(String url);

        void removeRelation(Alias alias);

        void accessed(String url);

        /** Aliases of proxies last served before {@code before}, oldest first. */
        List<Alias> olderThan(Instant before, int limit);
    }

    /** Which files a store migration already copied (old identifier -> new), so a stopped run resumes. */
    public interface StoreMigrations {
        boolean isContinuing();

        void markMigrated(FileIdentifier oldIdentifier, FileIdentifier newIdentifier);

        boolean isMigrated(FileIdentifier oldIdentifier);

        /** Where a file was copied to, if it was. */
        Optional<FileIdentifier> migrated(FileIdentifier oldIdentifier);

        void clear();
    }

    public interface Settings {
        void set(String key, byte[] value);

        Optional<byte[]> get(String key);

        void remove(String key);
    }
}
