package dev.tusk.media.application.migration;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.media.domain.MediaStoreCatalog;
import dev.tusk.media.domain.Variant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Copies one hash's files into the target store: the motion file, the variants, then the
 * original (last, so a hash whose original moved is finished). A file already in the target
 * store or already copied by an earlier run (store_migrations) is not copied again. Each copy
 * is tried 10 times, {@code retryDelayMillis} apart. Files copied, skipped as missing and
 * already there are counted in {@code tusk_media_migrated_files_total{outcome}}, visible while
 * the job runs.
 */
@Named
@Dependent
public class HashFileMover implements ItemProcessor {
    private static final Logger LOG = Logger.getLogger(HashFileMover.class.getName());
    private static final int TRIES = 10;

    @Inject @BatchProperty String from;
    @Inject @BatchProperty String to;
    @Inject @BatchProperty String skipMissingFiles;
    @Inject @BatchProperty String retryDelayMillis;
    @Inject MediaStoreCatalog stores;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Variants variants;
    @Inject MigrationLedger ledger;
    @Inject MeterRegistry registry;

    @Override
    public Object processItem(Object item) throws Exception {
        ContentHash hash = (ContentHash) item;
        Repoint.Moved motion = hashes.motionIdentifier(hash).map(id -> move(hash, id)).orElse(null);
        Map<String, Repoint.Moved> moved = new LinkedHashMap<>();
        for (Variant v : variants.all(hash)) {
            Repoint.Moved m = move(hash, v.identifier());
            if (m != null) {
                moved.put(v.name(), m);
            }
        }
        FileIdentifier original = hashes.identifier(hash).orElse(null);
        if (original == null) {
            return null;
        }
        return new Repoint(hash, move(hash, original), motion, moved);
    }

    /** @return the file's old and new identifiers, or null when there is nothing to repoint */
    private Repoint.Moved move(ContentHash hash, FileIdentifier identifier) {
        if (stores.holds(to, identifier)) {
            count("already_there");
            return null;
        }
        FileIdentifier copy = ledger.copyOf(identifier).orElse(null);
        if (copy != null) {
            count("already_copied");
            return new Repoint.Moved(identifier, copy);
        }
        try {
            copy = copy(identifier);
        } catch (FileNotFoundException e) {
            if (Boolean.parseBoolean(skipMissingFiles)) {
                count("skipped_missing");
                LOG.info(() -> "migrate-store: " + identifier + " of " + hash + " is missing; skipped");
                return null;
            }
            count("failed_missing");
            throw new MissingFileException("hash " + hash + ": file " + identifier + " is missing from " + from);
        }
        ledger.copied(identifier, copy);
        count("copied");
        return new Repoint.Moved(identifier, copy);
    }

    private FileIdentifier copy(FileIdentifier identifier) throws FileNotFoundException {
        MediaStore source = stores.named(from);
        MediaStore target = stores.named(to);
        // the same path in the target store: a copy made again (after a crash) replaces itself
        String path = identifier.path();
        IOException last = null;
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            try (InputStream in = source.open(identifier)) {
                return target.saveAs(path, in);
            } catch (FileNotFoundException e) {
                throw e;
            } catch (IOException e) {
                last = e;
                sleep();
            }
        }
        throw new java.io.UncheckedIOException("copy of " + identifier + " failed " + TRIES + " times", last);
    }

    private void sleep() {
        try {
            Thread.sleep(Long.parseLong(retryDelayMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(String outcome) {
        registry.counter("tusk.media.migrated.files", Tags.of("outcome", outcome)).increment();
    }
}
