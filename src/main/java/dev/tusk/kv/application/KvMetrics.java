package dev.tusk.kv.application;

import dev.tusk.platform.metrics.DeploymentGauges;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replication metrics per (shard, local instance, peer instance):
 * {@code tusk_kv_replication_rows_applied_total}, {@code _conflicts_total} (pulled rows that were
 * not newer), {@code _errors_total}, {@code tusk_kv_replication_lag_seconds} (how old the newest
 * fully pulled state of the peer is), {@code tusk_kv_replication_last_success_seconds} (unix time)
 * and {@code tusk_kv_clock_skew_seconds} (peer clock minus ours); and
 * {@code tusk_kv_repaired_rows_total}, {@code tusk_kv_tombstones_removed_total}.
 */
@ApplicationScoped
public class KvMetrics {

    /** One replication task's live figures, read by the gauges. */
    public static final class TaskFigures {
        final AtomicLong caughtUpToMicros = new AtomicLong();
        final AtomicLong lastSuccessMicros = new AtomicLong();
        final AtomicLong skewMicros = new AtomicLong();
        final AtomicLong applied = new AtomicLong();
        final AtomicLong conflicts = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        Counter appliedCounter;
        Counter conflictCounter;
        Counter errorCounter;

        /** @param nowMicros the wall clock now */
        public double lagSeconds(long nowMicros) {
            long caught = caughtUpToMicros.get();
            return caught == 0 ? Double.NaN : Math.max(0, nowMicros - caught) / 1e6;
        }
    }

    /** What the admin API shows of a task (lag null until it first caught up). */
    public record TaskStatus(String shard, String local, String peer, Double lagSeconds, long rowsApplied, long conflicts,
            long errors, double lastSuccessSecondsAgo, double clockSkewSeconds) {
    }

    @Inject MeterRegistry registry;
    @Inject VersionClock clock;

    private final Map<String, TaskFigures> tasks = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private DeploymentGauges gauges;

    @PostConstruct
    void init() {
        gauges = new DeploymentGauges(registry);
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    public TaskFigures task(String shard, String local, String peer) {
        return tasks.computeIfAbsent(local + "<-" + peer, k -> {
            TaskFigures f = new TaskFigures();
            Tags tags = Tags.of("shard", shard, "local", local, "peer", peer);
            gauges.gauge("tusk.kv.replication.lag.seconds", tags, f, x -> x.lagSeconds(clock.wallMicros()));
            gauges.gauge("tusk.kv.replication.last.success.seconds", tags, f, x -> x.lastSuccessMicros.get() / 1e6);
            gauges.gauge("tusk.kv.clock.skew.seconds", tags, f, x -> x.skewMicros.get() / 1e6);
            f.appliedCounter = registry.counter("tusk.kv.replication.rows.applied", tags);
            f.conflictCounter = registry.counter("tusk.kv.replication.conflicts", tags);
            f.errorCounter = registry.counter("tusk.kv.replication.errors", tags);
            return f;
        });
    }

    void pulled(TaskFigures f, int rows, int applied, long peerNowMicros, long localNowMicros, boolean caughtUp) {
        f.applied.addAndGet(applied);
        f.conflicts.addAndGet(rows - applied);
        f.appliedCounter.increment(applied);
        f.conflictCounter.increment(rows - applied);
        f.lastSuccessMicros.set(localNowMicros);
        f.skewMicros.set(peerNowMicros - localNowMicros);
        if (caughtUp) {
            f.caughtUpToMicros.set(Math.min(peerNowMicros, localNowMicros));
        }
    }

    void failed(TaskFigures f) {
        f.errors.incrementAndGet();
        f.errorCounter.increment();
    }

    void count(String name, String instance, long n) {
        counters.computeIfAbsent(name + '/' + instance, k -> registry.counter(name, Tags.of("instance", instance))).increment(n);
    }

    public java.util.List<TaskStatus> status(java.util.Collection<ReplicationTask> running) {
        long now = clock.wallMicros();
        return running.stream().map(t -> {
            TaskFigures f = t.figures();
            long last = f.lastSuccessMicros.get();
            double lag = f.lagSeconds(now);
            return new TaskStatus(t.local().shard(), t.local().id(), t.peer().id(), Double.isNaN(lag) ? null : lag, f.applied.get(),
                    f.conflicts.get(), f.errors.get(), last == 0 ? -1 : (now - last) / 1e6, f.skewMicros.get() / 1e6);
        }).toList();
    }
}
