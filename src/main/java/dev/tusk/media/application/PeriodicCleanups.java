package dev.tusk.media.application;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cleanups over many items, at most {@link MediaJobs#BATCH} a run, each item handed to its own
 * cleanup job (with a unique key, so repeated runs never queue it twice): variants not served
 * for {@code media.variant_max_age}, proxies not served for {@code media.proxy_max_age}, every
 * variant (an operator's DELETE /internal/variants), hashes whose original file is missing
 * (prune), and temporary files older than {@code media.upload_expiry} that no job holds (an
 * upload whose transaction's outcome never reached Tusk, e.g. the database lost mid-commit). The last two go on in a follow-up job while there is more.
 */
public final class PeriodicCleanups {
    private PeriodicCleanups() {
    }

    @ApplicationScoped
    public static class OutdatedVariants implements JobHandler {
        @Inject
        MediaRepository.Variants variants;
        @Inject
        JobQueue queue;
        @Inject
        MediaSettings settings;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_OUTDATED_VARIANTS;
        }

        @Override
        public JobOutcome run(JobContext context) {
            for (Map.Entry<ContentHash, String> v : variants.olderThan(Instant.now().minus(settings.variantMaxAge()), MediaJobs.BATCH)) {
                CleanupHandlers.cleanupVariant(queue, v.getKey(), v.getValue());
            }
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class OutdatedProxies implements JobHandler {
        @Inject
        MediaRepository.Proxies proxies;
        @Inject
        JobQueue queue;
        @Inject
        MediaSettings settings;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_OUTDATED_PROXIES;
        }

        @Override
        public JobOutcome run(JobContext context) {
            for (String alias : proxies.olderThan(Instant.now().minus(settings.proxyMaxAge()), MediaJobs.BATCH)) {
                CleanupHandlers.cleanupAlias(queue, alias);
            }
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class AllVariants implements JobHandler {
        @Inject
        MediaRepository.Variants variants;
        @Inject
        JobQueue queue;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_ALL_VARIANTS;
        }

        @Override
        public JobOutcome run(JobContext context) {
            // the rows go now (so a follow-up run sees the rest), their files with Identifier jobs
            List<Map.Entry<ContentHash, String>> batch = variants.any(MediaJobs.BATCH);
            for (Map.Entry<ContentHash, String> v : batch) {
                variants.identifier(v.getKey(), v.getValue()).ifPresent(identifier -> {
                    variants.remove(v.getKey(), v.getValue());
                    CleanupHandlers.cleanupIdentifier(queue, identifier);
                });
            }
            if (batch.size() == MediaJobs.BATCH) {
                queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_ALL_VARIANTS, "{}", null);
            }
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class TemporaryFiles implements JobHandler {
        @Inject
        MediaStore store;
        @Inject
        JobQueue queue;
        @Inject
        MediaSettings settings;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_TEMPORARY_FILES;
        }

        @Override
        public JobOutcome run(JobContext context) throws Exception {
            List<String> old = store.writtenBefore(UploadService.TEMPORARY, Instant.now().minus(settings.uploadExpiry()), MediaJobs.BATCH);
            Set<String> held = queue.held(MediaJobs.IDENTIFIER, old);
            old.stream().filter(identifier -> !held.contains(identifier)).forEach(identifier -> CleanupHandlers.cleanupIdentifier(queue, identifier));
            return JobOutcome.SUCCESS;
        }
    }

    @ApplicationScoped
    public static class Prune implements JobHandler {
        @Inject
        MediaRepository.Hashes hashes;
        @Inject
        MediaRepository.Aliases aliases;
        @Inject
        MediaStore store;
        @Inject
        JobQueue queue;

        @Override
        public String type() {
            return MediaJobs.CLEANUP_PRUNE;
        }

        @Override
        public JobOutcome run(JobContext context) {
            var args = MediaJobs.args(context);
            HashCursor from = args.containsKey("from") ? HashCursor.fromSlug(args.getString("from")) : null;
            MediaRepository.HashPage page = hashes.page(from, MediaJobs.BATCH);
            for (ContentHash hash : page.hashes()) {
                String identifier = hashes.identifier(hash).orElse(null);
                if (identifier != null && !store.exists(identifier)) {
                    List<String> left = aliases.forHash(hash);
                    left.forEach(alias -> CleanupHandlers.cleanupAlias(queue, alias));
                    if (left.isEmpty()) {
                        CleanupHandlers.cleanupHash(queue, hash);
                    }
                }
            }
            if (page.next() != null) {
                queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_PRUNE, MediaJobs.json("from", page.next().slug()), null);
            }
            return JobOutcome.SUCCESS;
        }
    }
}
