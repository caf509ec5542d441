package dev.tusk.media.application;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.media.domain.Variant;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobHandlerGroup;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs of the {@code cleanup} queue (pict-rs's cleanup module).
 *
 * <p>The chain: Alias (delete the alias; the last one of a hash queues Hash), Hash (with no alias
 * left: queue Identifier for the original and every variant file, then delete the variant and
 * hash rows), Identifier (delete the file, gone is fine, and its details), Variant (one variant
 * of a hash goes, its file with an Identifier job). Each step's jobs are queued in its own
 * transaction, so a step either happens with its follow-ups or not at all.
 *
 * <p>The sweeps over many items, at most {@link MediaJobs#BATCH} a run, each item handed to its
 * own chain job (with a unique key, so repeated runs never queue it twice): variants not served
 * for {@code media.variant_max_age}, proxies not served for {@code media.proxy_max_age}, every
 * variant (an operator's DELETE /internal/variants), hashes whose original file is missing
 * (prune), and temporary files older than {@code media.upload_expiry} that no job holds (an
 * upload whose transaction's outcome never reached Tusk, e.g. the database lost mid-commit).
 * All variants and prune go on in a follow-up job while there is more.
 */
@ApplicationScoped
public class MediaCleanups implements JobHandlerGroup {
    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;
    @Inject MediaRepository.Proxies proxies;
    @Inject MediaStore store;
    @Inject JobQueue queue;
    @Inject MediaSettings settings;

    @Override
    public List<JobHandler> handlers() {
        return List.of(
                JobHandler.of(MediaJobs.CLEANUP_ALIAS, this::alias),
                JobHandler.of(MediaJobs.CLEANUP_HASH, this::hash),
                JobHandler.of(MediaJobs.CLEANUP_IDENTIFIER, this::identifier),
                JobHandler.of(MediaJobs.CLEANUP_VARIANT, this::variant),
                JobHandler.of(MediaJobs.CLEANUP_OUTDATED_VARIANTS, this::outdatedVariants),
                JobHandler.of(MediaJobs.CLEANUP_OUTDATED_PROXIES, this::outdatedProxies),
                JobHandler.of(MediaJobs.CLEANUP_ALL_VARIANTS, this::allVariants),
                JobHandler.of(MediaJobs.CLEANUP_TEMPORARY_FILES, this::temporaryFiles),
                JobHandler.of(MediaJobs.CLEANUP_PRUNE, this::prune));
    }

    JobOutcome alias(JobContext context) {
        Alias alias = new Alias(MediaJobs.args(context).getString("alias"));
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

    JobOutcome hash(JobContext context) {
        ContentHash hash = ContentHash.fromSlug(MediaJobs.args(context).getString("hash"));
        FileIdentifier original = hashes.identifier(hash).orElse(null);
        if (original == null || !aliases.forHash(hash).isEmpty()) {
            return JobOutcome.SUCCESS;
        }
        List<FileIdentifier> files = new ArrayList<>();
        files.add(original);
        for (Variant v : variants.all(hash)) {
            files.add(v.identifier());
            variants.remove(hash, v.name());
        }
        hashes.cleanup(hash);
        files.forEach(identifier -> cleanupIdentifier(queue, identifier));
        return JobOutcome.SUCCESS;
    }

    JobOutcome identifier(JobContext context) throws Exception {
        FileIdentifier identifier = MediaJobs.identifier(MediaJobs.args(context));
        details.cleanup(identifier);
        store.delete(identifier);
        return JobOutcome.SUCCESS;
    }

    JobOutcome variant(JobContext context) {
        var args = MediaJobs.args(context);
        removeVariant(ContentHash.fromSlug(args.getString("hash")), args.getString("variant"));
        return JobOutcome.SUCCESS;
    }

    JobOutcome outdatedVariants(JobContext context) {
        for (Map.Entry<ContentHash, String> v : variants.olderThan(Instant.now().minus(settings.variantMaxAge()), MediaJobs.BATCH)) {
            cleanupVariant(queue, v.getKey(), v.getValue());
        }
        return JobOutcome.SUCCESS;
    }

    JobOutcome outdatedProxies(JobContext context) {
        for (Alias alias : proxies.olderThan(Instant.now().minus(settings.proxyMaxAge()), MediaJobs.BATCH)) {
            cleanupAlias(queue, alias);
        }
        return JobOutcome.SUCCESS;
    }

    JobOutcome allVariants(JobContext context) {
        // the rows go now (so a follow-up run sees the rest), their files with Identifier jobs
        List<Map.Entry<ContentHash, String>> batch = variants.any(MediaJobs.BATCH);
        batch.forEach(v -> removeVariant(v.getKey(), v.getValue()));
        if (batch.size() == MediaJobs.BATCH) {
            queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_ALL_VARIANTS, "{}", null);
        }
        return JobOutcome.SUCCESS;
    }

    JobOutcome temporaryFiles(JobContext context) throws Exception {
        List<FileIdentifier> old = store.writtenBefore(UploadService.TEMPORARY, Instant.now().minus(settings.uploadExpiry()), MediaJobs.BATCH);
        Set<String> held = queue.held(MediaJobs.IDENTIFIER, old.stream().map(FileIdentifier::value).toList());
        old.stream().filter(identifier -> !held.contains(identifier.value())).forEach(identifier -> cleanupIdentifier(queue, identifier));
        return JobOutcome.SUCCESS;
    }

    JobOutcome prune(JobContext context) {
        var args = MediaJobs.args(context);
        HashCursor from = args.containsKey("from") ? HashCursor.fromSlug(args.getString("from")) : null;
        MediaRepository.HashPage page = hashes.page(from, MediaJobs.BATCH);
        for (ContentHash hash : page.hashes()) {
            FileIdentifier identifier = hashes.identifier(hash).orElse(null);
            if (identifier != null && !store.exists(identifier)) {
                List<Alias> left = aliases.forHash(hash);
                left.forEach(alias -> cleanupAlias(queue, alias));
                if (left.isEmpty()) {
                    cleanupHash(queue, hash);
                }
            }
        }
        if (page.next() != null) {
            queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_PRUNE, MediaJobs.json("from", page.next().slug()), null);
        }
        return JobOutcome.SUCCESS;
    }

    /** The variant's row goes now, its file with an Identifier job. */
    private void removeVariant(ContentHash hash, String variant) {
        variants.identifier(hash, variant).ifPresent(identifier -> {
            variants.remove(hash, variant);
            cleanupIdentifier(queue, identifier);
        });
    }

    static void cleanupVariant(JobQueue queue, ContentHash hash, String variant) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_VARIANT, MediaJobs.json("hash", hash.slug(), "variant", variant),
                "cleanup-variant:" + hash.slug() + ":" + variant);
    }

    static void cleanupIdentifier(JobQueue queue, FileIdentifier identifier) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_IDENTIFIER, MediaJobs.json(MediaJobs.IDENTIFIER, identifier.value()), "cleanup-identifier:" + identifier);
    }

    static void cleanupHash(JobQueue queue, ContentHash hash) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_HASH, MediaJobs.json("hash", hash.slug()), "cleanup-hash:" + hash.slug());
    }

    static void cleanupAlias(JobQueue queue, Alias alias) {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_ALIAS, MediaJobs.json("alias", alias.value()), "cleanup-alias:" + alias);
    }
}
