package dev.tusk.media.application;

import dev.tusk.media.domain.MediaRepository;
import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.platform.timers.PeriodicTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code tusk_media_hashes}, {@code tusk_media_aliases}, {@code tusk_media_uploads_in_flight} and
 * {@code tusk_media_stored_bytes{store}} (originals), counted every {@code media.statistics_interval}, the first time at start.
 */
@ApplicationScoped
public class MediaGauges implements PeriodicTask {
    @Inject MeterRegistry registry;
    @Inject MediaRepository.Counts counts;
    @Inject MediaSettings settings;

    private final AtomicReference<MediaRepository.Counts.Figures> last = new AtomicReference<>(new MediaRepository.Counts.Figures(0, 0, 0, 0, 0));
    private DeploymentGauges gauges;

    @PostConstruct
    void register() {
        gauges = new DeploymentGauges(registry);
        gauges.gauge("tusk.media.hashes", Tags.empty(), last, f -> f.get().hashes());
        gauges.gauge("tusk.media.aliases", Tags.empty(), last, f -> f.get().aliases());
        gauges.gauge("tusk.media.uploads.in_flight", Tags.empty(), last, f -> f.get().uploadsInFlight());
        gauges.gauge("tusk.media.stored.bytes", Tags.of("store", "file"), last, f -> f.get().fileBytes());
        gauges.gauge("tusk.media.stored.bytes", Tags.of("store", "s3"), last, f -> f.get().s3Bytes());
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    @Override
    public String name() {
        return "the media statistics";
    }

    @Override
    public Duration interval() {
        return settings.statisticsInterval();
    }

    @Override
    public Duration firstRun() {
        return Duration.ZERO;
    }

    @Override
    public void run() {
        last.set(counts.now());
    }
}
