package dev.tusk.media.application;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * The media service's job types (on the queue engine) and their unique keys: names, listed as
 * constants the way MoChi's query arguments are in the tracker's PostgresQueries.
 */
final class MediaJobs {
    static final String INGEST = "media.ingest";
    static final String GENERATE = "media.generate";
    static final String CLEANUP_ALIAS = "media.cleanup.alias";
    static final String CLEANUP_HASH = "media.cleanup.hash";
    static final String CLEANUP_IDENTIFIER = "media.cleanup.identifier";
    static final String CLEANUP_VARIANT = "media.cleanup.variant";
    static final String CLEANUP_ALL_VARIANTS = "media.cleanup.all_variants";
    static final String CLEANUP_OUTDATED_VARIANTS = "media.cleanup.outdated_variants";
    static final String CLEANUP_OUTDATED_PROXIES = "media.cleanup.outdated_proxies";
    static final String CLEANUP_PRUNE = "media.cleanup.prune";
    static final String CLEANUP_TEMPORARY_FILES = "media.cleanup.temporary_files";
    /** The argument naming a file of the store (an ingest's temporary file, a cleanup's file). */
    static final String IDENTIFIER = "identifier";
    /** The most items a periodic cleanup handles in one run (pict-rs's limit). */
    static final int BATCH = 2048;

    private MediaJobs() {
    }

    static String json(String... keysAndValues) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build().toString();
    }

    /** The file a job's arguments name under {@link #IDENTIFIER}. */
    static FileIdentifier identifier(JsonObject args) {
        return new FileIdentifier(args.getString(IDENTIFIER));
    }

    static JsonObject args(JobContext context) {
        return args(context.job());
    }

    static JsonObject args(Job job) {
        return Json.createReader(new StringReader(job.arguments())).readObject();
    }
}
