package dev.tusk.tracker.application;

import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.platform.timers.PeriodicTask;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every {@code tracker.prometheus_reporting_interval}, reads the store's totals into MoChi's
 * gauges ({@code mochi_storage_infohashes_count}, {@code ..._seeders_count},
 * {@code ..._leechers_count}), the first time at start. Unlike MoChi, a positive interval enables
 * them.
 */
@ApplicationScoped
public class StorageStatisticsReporter implements PeriodicTask {

    @Inject StoreMaintenance store;
    @Inject TrackerSettings settings;
    @Inject MeterRegistry registry;

    private final AtomicReference<StoreStatistics> last = new AtomicReference<>(new StoreStatistics(0, 0, 0));
    private DeploymentGauges gauges;

    @PostConstruct
    void register() {
        gauges = new DeploymentGauges(registry);
        gauges.gauge("mochi.storage.infohashes.count", Tags.empty(), last, s -> s.get().infoHashes());
        gauges.gauge("mochi.storage.seeders.count", Tags.empty(), last, s -> s.get().seeders());
        gauges.gauge("mochi.storage.leechers.count", Tags.empty(), last, s -> s.get().leechers());
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    @Override
    public String name() {
        return "the storage statistics";
    }

    @Override
    public Duration interval() {
        return settings.reportingInterval();
    }

    @Override
    public Duration firstRun() {
        return Duration.ZERO;
    }

    @Override
    public boolean isOutage(Throwable failure) {
        return failure instanceof StoreUnavailableException;
    }

    /** Reads the totals now: what the gauges report from now on. */
    @Override
    public void run() {
        last.set(store.statistics());
    }
}
