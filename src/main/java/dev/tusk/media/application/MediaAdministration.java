package dev.tusk.media.application;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.MediaException;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What pict-rs's internal endpoints do: purge, lookups, hash paging, removing all variants, pruning. */
@ApplicationScoped
public class MediaAdministration {

    /** One hash of a page with its aliases and details. */
    public record HashEntry(ContentHash hash, List<Alias> aliases, Optional<ImageDetails> details) {
    }

    /** A page and the cursors around it, as slugs (null at an end). */
    public record Page(List<HashEntry> hashes, String current, String prev, String next) {
    }

    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Details details;
    @Inject JobQueue queue;

    private ContentHash hash(Alias alias) {
        return aliases.hash(alias).orElseThrow(() -> new MediaException(404, "not-found", "no image '" + alias + "'"));
    }

    public List<Alias> aliases(Alias alias) {
        return aliases.forHash(hash(alias));
    }

    public FileIdentifier identifier(Alias alias) {
        return hashes.identifier(hash(alias)).orElseThrow(() -> new MediaException(404, "not-found", "no image '" + alias + "'"));
    }

    /** Every alias of the image goes (its files follow with the cleanup chain). */
    public List<Alias> purge(Alias alias) {
        List<Alias> all = aliases(alias);
        all.forEach(a -> MediaCleanups.cleanupAlias(queue, a));
        return all;
    }

    /** A page from a slug, or from the newest hash at or before a time, or from the newest. */
    public Page page(String slug, Instant timestamp, int limit) {
        MediaRepository.HashPage page;
        HashCursor current;
        if (slug != null) {
            try {
                current = HashCursor.fromSlug(slug);
            } catch (IllegalArgumentException e) {
                throw new MediaException(400, "invalid-slug", "slug is a cursor from an earlier page");
            }
            page = hashes.page(current, limit);
        } else if (timestamp != null) {
            page = hashes.pageByDate(timestamp, limit);
            current = null;
        } else {
            page = hashes.page(null, limit);
            current = null;
        }
        List<HashEntry> entries = page.hashes().stream().map(h -> new HashEntry(h, aliases.forHash(h),
                hashes.identifier(h).flatMap(details::get))).toList();
        String currentSlug = current != null ? current.slug()
                : page.hashes().isEmpty() ? null : hashes.bound(page.hashes().get(0)).map(HashCursor::slug).orElse(null);
        return new Page(entries, currentSlug, page.prev() == null ? null : page.prev().slug(),
                page.next() == null ? null : page.next().slug());
    }

    public void deleteAllVariants() {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_ALL_VARIANTS, "{}", null);
    }

    public void pruneMissing() {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_PRUNE, "{}", null);
    }
}
