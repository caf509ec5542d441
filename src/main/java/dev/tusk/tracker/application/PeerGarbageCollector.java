package dev.tusk.tracker.application;

import dev.tusk.platform.timers.PeriodicTask;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreUnavailableException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Every {@code tracker.gc_interval}, removes peers not seen for {@code tracker.peer_lifetime}.
 * Outside any transaction, so the store deletes in short batches that never hold up announces.
 * Timed into {@code mochi_storage_gc_duration_milliseconds}.
 */
@ApplicationScoped
public class PeerGarbageCollector implements PeriodicTask {
    private static final Logger LOG = Logger.getLogger(PeerGarbageCollector.class.getName());

    @Inject StoreMaintenance store;
    @Inject TrackerSettings settings;
    @Inject MeterRegistry registry;

    private final Clock clock = Clock.systemUTC();
    private DistributionSummary duration;

    @PostConstruct
    void meters() {
        // WildFly's application registry exports only meters made through its plain methods.
        duration = registry.summary("mochi.storage.gc.duration.milliseconds", Tags.empty());
    }

    @Override
    public String name() {
        return "the peer GC";
    }

    @Override
    public Duration interval() {
        return settings.gcInterval();
    }

    @Override
    public boolean isOutage(Throwable failure) {
        return failure instanceof StoreUnavailableException;
    }

    @Override
    public void run() {
        collect();
    }

    /** @return how many peers were removed */
    public long collect() {
        return collect(Instant.now(clock).minus(settings.peerLifetime()));
    }

    /** Removes peers last seen at or before {@code cutoff}; @return how many. */
    public long collect(Instant cutoff) {
        long started = System.nanoTime();
        long removed = store.collectGarbage(cutoff);
        duration.record((System.nanoTime() - started) / 1e6);
        LOG.fine(() -> "Peer GC removed " + removed + " peers seen before " + cutoff);
        return removed;
    }
}
