package dev.tusk.queue.application;

import dev.tusk.platform.metrics.DeploymentGauges;
import dev.tusk.queue.domain.JobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's metrics: {@code tusk_queue_jobs_total{queue,event}} (pushed, started, succeeded,
 * aborted, retried, failed, lease_lost), {@code tusk_queue_dispatch_latency_seconds} (push
 * committed to handler start), {@code tusk_queue_run_time_seconds}, and
 * {@code tusk_queue_length{queue,status}} refreshed by the sweep.
 */
@ApplicationScoped
public class QueueMetrics {

    @Inject MeterRegistry registry;
    @Inject DeclaredQueues queues;

    private final Map<String, AtomicLong> lengths = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private DeploymentGauges gauges;

    @PostConstruct
    void init() {
        gauges = new DeploymentGauges(registry);
        for (String queue : queues.names()) {
            for (String status : new String[] {"new", "running", "failed"}) {
                AtomicLong value = lengths.computeIfAbsent(queue + '/' + status, k -> new AtomicLong());
                gauges.gauge("tusk.queue.length", Tags.of("queue", queue, "status", status), value, AtomicLong::get);
            }
        }
    }

    @PreDestroy
    void unregister() {
        gauges.removeAll();
    }

    void pushed(String queue) {
        count(queue, "pushed");
    }

    void started(String queue, Duration dispatchLatency) {
        count(queue, "started");
        timer("tusk.queue.dispatch.latency", queue).record(dispatchLatency);
    }

    void finished(String queue, String event, Duration runTime) {
        count(queue, event);
        timer("tusk.queue.run.time", queue).record(runTime);
    }

    void count(String queue, String event) {
        counters.computeIfAbsent(queue + '/' + event,
                k -> registry.counter("tusk.queue.jobs", Tags.of("queue", queue, "event", event))).increment();
    }

    /** Looked up once: a lookup searches the whole server's registry. */
    private Timer timer(String name, String queue) {
        return timers.computeIfAbsent(name + '/' + queue, k -> registry.timer(name, Tags.of("queue", queue)));
    }

    void lengths(Map<String, JobStore.Lengths> byQueue) {
        for (String queue : queues.names()) {
            JobStore.Lengths l = byQueue.getOrDefault(queue, JobStore.Lengths.NONE);
            lengths.get(queue + "/new").set(l.waiting());
            lengths.get(queue + "/running").set(l.running());
            lengths.get(queue + "/failed").set(l.failed());
        }
    }
}
