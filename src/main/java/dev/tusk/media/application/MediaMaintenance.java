package dev.tusk.media.application;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.platform.persistence.OutageLog;
import dev.tusk.queue.spi.JobQueue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every {@code media.cleanup_interval}: queues the outdated-variants and outdated-proxies
 * cleanups (unique keys: a run still queued or running is not queued again, pict-rs's runaway
 * duplicates) and the sweep of temporary files no upload waits for, and removes uploads nobody
 * claimed within {@code media.upload_expiry}. Each step in its own transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaMaintenance {
    private final OutageLog outage = new OutageLog(Logger.getLogger(MediaMaintenance.class.getName()), "the media cleanups' timer");

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
    void onTimer() {
        outage.run(this::runNow);
    }

    public void runNow() {
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_VARIANTS, "{}", MediaJobs.CLEANUP_OUTDATED_VARIANTS);
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_OUTDATED_PROXIES, "{}", MediaJobs.CLEANUP_OUTDATED_PROXIES);
        queue.push(MediaQueues.CLEANUP, MediaJobs.CLEANUP_TEMPORARY_FILES, "{}", MediaJobs.CLEANUP_TEMPORARY_FILES);
        uploads.expire(Instant.now().minus(settings.uploadExpiry()));
    }
}
