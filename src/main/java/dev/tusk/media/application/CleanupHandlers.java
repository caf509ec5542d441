package dev.tusk.media.application;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * pict-rs's cleanup chain on the {@code cleanup} queue: Alias (delete the alias; the last one of
 * a hash queues Hash), Hash (with no alias left: queue Identifier for the original and every
 * variant file, then delete the variant and hash rows), Identifier (delete the file, gone is
 * fine, and its details). Each step's jobs are queued in its own transaction, so a step either
 * happens with its follow-ups or not at all.
 */
public final class CleanupHandlers {
    private CleanupHandlers() {
    }

    @ApplicationScoped
    public static class Alias implements JobHandler {
        @Inject
        MediaRepository.Aliases aliases;
        @Inject
        JobQueue queue;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_ALIAS;
        }

        @Override
        public JobOutcome run(JobContext context) {
            String alias = MediaJobs.args(context).getString("alias");
            ContentHash hash = aliases.hash(alias).orElse(null);
            if (hash == null) {
                return JobOutcome.SUCCESS;
            }
            aliases.cleanup(alias);
            if (aliases.forHash(hash).isEmpty()) {
                cleanupHash(queue, hash);
            }
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class Hash implements JobHandler {
        @Inject
        MediaRepository.Hashes hashes;
        @Inject
        MediaRepository.Aliases aliases;
        @Inject
        MediaRepository.Variants variants;
        @Inject
        JobQueue queue;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_HASH;
        }

        @Override
        public JobOutcome run(JobContext context) {
            ContentHash hash = ContentHash.fromSlug(MediaJobs.args(context).getString("hash"));
            String original = hashes.identifier(hash).orElse(null);
            if (original == null || !aliases.forHash(hash).isEmpty()) {
                return JobOutcome.SUCCESS;
            }
            List<String> files = new ArrayList<>();
            files.add(original);
            for (dev.tusk.media.domain.Variant v : variants.all(hash)) {
                files.add(v.identifier());
                variants.remove(hash, v.name());
            }
            hashes.cleanup(hash);
            files.forEach(identifier -> cleanupIdentifier(queue, identifier));
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class Identifier implements JobHandler {
        @Inject
        MediaStore store;
        @Inject
        MediaRepository.Details details;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_IDENTIFIER;
        }

        @Override
        public JobOutcome run(JobContext context) throws Exception {
            String identifier = MediaJobs.args(context).getString(MediaJobs.IDENTIFIER);
            details.cleanup(identifier);
            store.delete(identifier);
            return JobOutcome.SUCCESS;
        }
    }

    /** Variant: one variant of a hash goes, its file with an Identifier job. */
    @ApplicationScoped
    public static class Variant implements JobHandler {
        @Inject
        MediaRepository.Variants variants;
        @Inject
        JobQueue queue;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_VARIANT;
        }

        @Override
        public JobOutcome run(JobContext context) {
            var args = MediaJobs.args(context);
            ContentHash hash = ContentHash.fromSlug(args.getString("hash"));
            String variant = args.getString("variant");
            variants.identifier(hash, variant).ifPresent(identifier -> {
                variants.remove(hash, variant);
                cleanupIdentifier(queue, identifier);
            });
            return JobOutcome.SUCCESS;
        }
    }

    static void cleanupVariant(JobQueue queue, ContentHash hash, String variant) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_VARIANT, MediaJobs.json("hash", hash.slug(), "variant", variant),
                "cleanup-variant:" + hash.slug() + ":" + variant);
    }

    static void cleanupIdentifier(JobQueue queue, String identifier) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_IDENTIFIER, MediaJobs.json(MediaJobs.IDENTIFIER, identifier), "cleanup-identifier:" + identifier);
    }

    static void cleanupHash(JobQueue queue, ContentHash hash) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_HASH, MediaJobs.json("hash", hash.slug()), "cleanup-hash:" + hash.slug());
    }

    static void cleanupAlias(JobQueue queue, String alias) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_ALIAS, MediaJobs.json("alias", alias), "cleanup-alias:" + alias);
    }
}
