package dev.tusk.tracker.application;

import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.platform.threads.ThreadRequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer behind the swarm cache, on a managed thread: every {@code tracker.flush_interval}
 * (or as soon as {@code tracker.flush_batch} peers are pending) it writes the pending changes to
 * the store in batches; every {@code tracker.refresh_interval} it lays other writers' changes
 * over the cache; and it keeps the cache within its bounds. At start a second thread reads the
 * store's swarms into memory ({@code tracker.cache.preload}) while the writer goes on. While the store fails, the changes
 * wait in the buffer and the writer retries with a growing pause (at most 5 s). Stopping the
 * deployment writes what is pending.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WriteBehind {
    private static final Logger LOG = Logger.getLogger(WriteBehind.class.getName());
    private static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Inject CachedPeerStore swarms;
    @Inject TrackerSettings settings;
    @Inject MeterRegistry registry;
    @Resource ManagedThreadFactory threads;
    @Inject Instance<RequestContextController> requestContexts;

    private volatile boolean running = true;
    private Thread writer;
    private DeploymentGauges gauges;
    private Counter flushed;
    private Counter failures;
    private DistributionSummary flushMillis;

    @PostConstruct
    void start() {
        gauges = new DeploymentGauges(registry);
        gauges.gauge("tusk.tracker.cache.swarms", Tags.empty(), swarms, s -> s.cache().swarmCount());
        gauges.gauge("tusk.tracker.cache.peers", Tags.empty(), swarms, s -> s.cache().peerCount());
        gauges.gauge("tusk.tracker.write.buffer.pending", Tags.empty(), swarms, s -> s.cache().buffer().size());
        flushed = registry.counter("tusk.tracker.flushed.writes");
        failures = registry.counter("tusk.tracker.flush.failures");
        flushMillis = registry.summary("tusk.tracker.flush.duration.milliseconds");
        writer = threads.newThread(ThreadRequestContext.around(requestContexts, this::run));
        writer.setName("tusk-tracker-write-behind");
        swarms.onBacklog(() -> LockSupport.unpark(writer));
        writer.start();
        if (settings.cache().preload()) {
            // beside the writer, which goes on flushing and refreshing meanwhile
            Thread reader = threads.newThread(this::preload);
            reader.setName("tusk-tracker-preload");
            reader.start();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gauges.removeAll();
    }

    private void run() {
        long interval = settings.flushInterval().toNanos();
        long pause = interval;
        long nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
        boolean failing = false;
        while (running) {
            if (failing) {
                pauseFully(pause); // a full batch pending does not cut a pause after a failure short
            } else {
                LockSupport.parkNanos(pause);
            }
            if (flushOnce()) {
                if (failing) {
                    LOG.info("Tracker store back: the write-behind buffer is written again");
                }
                failing = false;
                pause = interval;
            } else {
                failing = true;
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
                evictOnce();
                continue;
            }
            if (System.nanoTime() - nextRefresh >= 0) {
                refreshOnce();
                nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
            }
            evictOnce();
        }
        if (!flushRest()) {
            LOG.warning(() -> "Stopped with " + swarms.cache().buffer().size() + " peers' changes not written to the store");
        }
    }

    private void pauseFully(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && running; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Reads the store's swarms into memory; announces meanwhile load their swarms themselves. */
    private void preload() {
        long started = System.nanoTime();
        try {
            long swarmsRead = swarms.preload(() -> running);
            LOG.info(() -> "Swarm cache: " + swarmsRead + " swarms read from the store in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms (" + swarms.cache().swarmCount()
                    + " swarms, " + swarms.cache().peerCount() + " peers in memory)");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Swarm cache not filled at start (swarms are read on their first announce): {0}", e.getMessage());
        }
    }

    /** @return false when the store failed (the changes stay pending) */
    private boolean flushOnce() {
        long started = System.nanoTime();
        try {
            long n = swarms.flushPending();
            if (n > 0) {
                flushed.increment(n);
                flushMillis.record((System.nanoTime() - started) / 1e6);
            }
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            LOG.log(Level.WARNING, "Tracker store write failed, {0} peers' changes pending: {1}",
                    new Object[] {swarms.cache().buffer().size(), e.getMessage()});
            return false;
        }
    }

    /** At the end: everything pending. @return false when the store failed */
    private boolean flushRest() {
        try {
            swarms.flush();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refreshOnce() {
        try {
            swarms.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Tracker swarm refresh failed: {0}", e.getMessage());
        }
    }

    private void evictOnce() {
        int evicted = swarms.evictOverBounds();
        if (evicted > 0) {
            LOG.fine(() -> "Swarm cache: " + evicted + " least recently used swarms left memory");
        }
    }
}
