package dev.tusk.media.application;

import dev.tusk.media.domain.MediaRepository;
import dev.tusk.queue.application.JobQueue;
import dev.tusk.queue.domain.JobQueues;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Every {@code media.cleanup_interval}: queues the outdated-variants and outdated-proxies
 * cleanups (unique keys: a run still queued or running is not queued again, pict-rs's runaway
 * duplicates) and removes uploads nobody claimed within {@code media.upload_expiry}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class MediaMaintenance {

    @Resource
    TimerService timers;
    @Inject
    JobQueue queue;
    @Inject
    MediaRepository.Uploads uploads;
    @Inject
    MediaSettings settings;

    @PostConstruct
    void start() {
        long every = settings.cleanupInterval().toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("media cleanup", false));
    }

    @Timeout
    public void runNow() {
        queue.push(JobQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_VARIANTS, "{}", MediaJobs.CLEANUP_OUTDATED_VARIANTS);
        queue.push(JobQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_PROXIES, "{}", MediaJobs.CLEANUP_OUTDATED_PROXIES);
        uploads.expire(Instant.now().minus(settings.uploadExpiry()));
    }
}
