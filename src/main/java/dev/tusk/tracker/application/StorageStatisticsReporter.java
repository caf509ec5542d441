package dev.tusk.tracker.application;

import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.platform.persistence.OutageLog;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
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
 * Every {@code tracker.prometheus_reporting_interval}, reads the store's totals into MoChi's
 * gauges ({@code mochi_storage_infohashes_count}, {@code ..._seeders_count},
 * {@code ..._leechers_count}). Unlike MoChi, a positive interval enables them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageStatisticsReporter {
    private static final Logger LOG = Logger.getLogger(StorageStatisticsReporter.class.getName());
    private final OutageLog outage = new OutageLog(LOG, "the storage statistics", StoreUnavailableException.class::isInstance);

    @Resource
    TimerService timers;
    @Inject
    StoreMaintenance store;
    @Inject
    TrackerSettings settings;
    @Inject
    MeterRegistry registry;

    private final AtomicReference<StoreStatistics> last = new AtomicReference<>(new StoreStatistics(0, 0, 0));
    private DeploymentGauges gauges;

    @PostConstruct
    void schedule() {
        gauges = new DeploymentGauges(registry);
        gauges.gauge("mochi.storage.infohashes.count", Tags.empty(), last, s -> s.get().infoHashes());
        gauges.gauge("mochi.storage.seeders.count", Tags.empty(), last, s -> s.get().seeders());
        gauges.gauge("mochi.storage.leechers.count", Tags.empty(), last, s -> s.get().leechers());
        long every = settings.reportingInterval().toMillis();
        timers.createIntervalTimer(0, every, new TimerConfig("tracker storage statistics", false));
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    @Timeout
    @Lock(LockType.WRITE)
    void onTimer() {
        outage.run(this::refresh);
    }

    /** Reads the totals now: what the gauges report from now on. */
    private void refresh() {
        last.set(store.statistics());
    }

}
