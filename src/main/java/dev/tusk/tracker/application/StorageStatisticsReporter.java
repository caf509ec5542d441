package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.PeerStore;
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
import java.util.logging.Level;
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

    @Resource
    TimerService timers;
    @Inject
    PeerStore store;
    @Inject
    TrackerSettings settings;
    @Inject
    MeterRegistry registry;

    private static final String INFO_HASHES = "mochi.storage.infohashes.count";
    private static final String SEEDERS = "mochi.storage.seeders.count";
    private static final String LEECHERS = "mochi.storage.leechers.count";

    private final AtomicReference<StoreStatistics> last = new AtomicReference<>(new StoreStatistics(0, 0, 0));

    @PostConstruct
    void schedule() {
        // WildFly's application registry exports only meters made through its plain methods.
        registry.gauge(INFO_HASHES, Tags.empty(), last, s -> s.get().infoHashes());
        registry.gauge(SEEDERS, Tags.empty(), last, s -> s.get().seeders());
        registry.gauge(LEECHERS, Tags.empty(), last, s -> s.get().leechers());
        long every = settings.reportingInterval().toMillis();
        timers.createIntervalTimer(0, every, new TimerConfig("tracker storage statistics", false));
    }

    /**
     * The registry outlives the deployment, and a gauge only weakly holds what it reads: a
     * redeployed Tusk would find the old gauges and report NaN, so they leave with this one.
     */
    @PreDestroy
    void unregister() {
        for (String name : new String[] {INFO_HASHES, SEEDERS, LEECHERS}) {
            registry.find(name).meters().forEach(registry::remove);
        }
    }

    @Timeout
    @Lock(LockType.WRITE)
    void onTimer() {
        try {
            refresh();
        } catch (StoreUnavailableException e) {
            LOG.log(Level.WARNING, "Storage statistics not refreshed: {0}", e.getMessage());
        }
    }

    /** Reads the totals now; @return what the gauges report from now on. */
    public StoreStatistics refresh() {
        StoreStatistics now = store.statistics();
        last.set(now);
        return now;
    }

    @Lock(LockType.READ)
    public StoreStatistics current() {
        return last.get();
    }
}
