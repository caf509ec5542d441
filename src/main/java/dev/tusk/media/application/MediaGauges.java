package dev.tusk.media.application;

import dev.tusk.media.domain.MediaRepository;
import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.platform.persistence.OutageLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * {@code tusk_media_hashes}, {@code tusk_media_aliases}, {@code tusk_media_uploads_in_flight} and
 * {@code tusk_media_stored_bytes{store}} (originals), counted every {@code media.statistics_interval}.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MediaGauges {
    private final OutageLog outage = new OutageLog(Logger.getLogger(MediaGauges.class.getName()), "the media statistics");

    @Inject
    MeterRegistry registry;
    @Inject
    MediaRepository.Counts counts;
    @Inject
    MediaSettings settings;
    @Resource
    TimerService timers;

    private final AtomicReference<MediaRepository.Counts.Figures> last = new AtomicReference<>(new MediaRepository.Counts.Figures(0, 0, 0, 0, 0));
    private DeploymentGauges gauges;

    @PostConstruct
    void start() {
        gauges = new DeploymentGauges(registry);
        gauges.gauge("tusk.media.hashes", Tags.empty(), last, f -> f.get().hashes());
        gauges.gauge("tusk.media.aliases", Tags.empty(), last, f -> f.get().aliases());
        gauges.gauge("tusk.media.uploads.in_flight", Tags.empty(), last, f -> f.get().uploadsInFlight());
        gauges.gauge("tusk.media.stored.bytes", Tags.of("store", "file"), last, f -> f.get().fileBytes());
        gauges.gauge("tusk.media.stored.bytes", Tags.of("store", "s3"), last, f -> f.get().s3Bytes());
        long every = settings.statisticsInterval().toMillis();
        timers.createIntervalTimer(0, every, new TimerConfig("media statistics", false));
    }

    @PreDestroy
    void stop() {
        gauges.removeAll();
    }

    @Timeout
    void count() {
        outage.run(() -> last.set(counts.now()));
    }
}
