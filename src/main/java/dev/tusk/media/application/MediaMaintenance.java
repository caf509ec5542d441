package dev.tusk.media.application;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.platform.timers.PeriodicTask;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Every {@code media.cleanup_interval}: queues the outdated-variants and outdated-proxies
 * cleanups (unique keys: a run still queued or running is not queued again, pict-rs's runaway
 * duplicates) and the sweep of temporary files no upload waits for, and removes uploads nobody
 * claimed within {@code media.upload_expiry}. Each step in its own transaction.
 */
@ApplicationScoped
public class MediaMaintenance implements PeriodicTask {
    @Inject JobQueue queue;
    @Inject MediaRepository.Uploads uploads;
    @Inject MediaSettings settings;

    @Override
    public String name() {
        return "the media cleanups' timer";
    }

    @Override
    public Duration interval() {
        return settings.cleanupInterval();
    }

    @Override
    public void run() {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_VARIANTS, "{}", MediaJobs.CLEANUP_OUTDATED_VARIANTS);
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_PROXIES, "{}", MediaJobs.CLEANUP_OUTDATED_PROXIES);
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_TEMPORARY_FILES, "{}", MediaJobs.CLEANUP_TEMPORARY_FILES);
        uploads.expire(Instant.now().minus(settings.uploadExpiry()));
    }
}
