package dev.tusk.queue.application;

import dev.tusk.platform.config.GoDuration;
import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.QueueDeclaration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue engine's application layer wired by hand over an {@link InMemoryJobStore} and a
 * dispatcher that records its wake-ups: what CDI does on the server, without one.
 */
final class QueueEngine {
    static final String QUEUE = "work";
    static final int WORKERS = 2;

    /** A wake-up asked of the dispatcher. */
    record WakeUp(String queue, int count, Duration delay) {
    }

    final InMemoryJobStore store = new InMemoryJobStore();
    final List<WakeUp> wakeUps = new ArrayList<>();
    /** What the dispatcher answers for wake-ups in flight. */
    int inFlight;
    final QueueSettings settings = new QueueSettings();
    final DeclaredQueues queues = new DeclaredQueues();
    final QueueMetrics metrics = new QueueMetrics();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final JobHandlers handlers = new JobHandlers();
    final Leases leases = new Leases();
    final JobRunner runner = new JobRunner();
    final TransactionalJobQueue queue = new TransactionalJobQueue();
    final JobSweeper sweeper = new JobSweeper();

    QueueEngine(JobHandler... jobHandlers) {
        settings.retries = 3;
        settings.heartbeatInterval = GoDuration.parse("1s");
        settings.staleAfter = GoDuration.parse("5s");
        settings.sweepInterval = GoDuration.parse("1s");
        settings.redispatchAfter = GoDuration.parse("2s");
        settings.backoffBase = GoDuration.parse("2s");
        settings.backoffMax = GoDuration.parse("10s");
        settings.jobsPerWakeUp = 32;
        settings.claimBatch = 8;
        settings.parse();
        queues.declare(new QueueDeclaration(QUEUE, "java:/jms/test/work", WORKERS), WORKERS);
        metrics.registry = registry;
        metrics.queues = queues;
        metrics.init();
        for (JobHandler h : jobHandlers) {
            handlers.register(h);
        }
        JobDispatcher dispatcher = new JobDispatcher() {
            @Override
            public void dispatch(String queue, int count, Duration delay) {
                wakeUps.add(new WakeUp(queue, count, delay));
            }

            @Override
            public int inFlight(String queue, int limit) {
                return Math.min(inFlight, limit);
            }
        };
        leases.store = store;
        leases.settings = settings;
        JobExecution execution = new JobExecution();
        execution.store = store;
        JobFailures failures = new JobFailures();
        failures.store = store;
        failures.dispatcher = dispatcher;
        runner.store = store;
        runner.handlers = handlers;
        runner.execution = execution;
        runner.failures = failures;
        runner.settings = settings;
        runner.queues = queues;
        runner.metrics = metrics;
        runner.leases = leases;
        runner.dispatcher = dispatcher;
        queue.store = store;
        queue.dispatcher = dispatcher;
        queue.queues = queues;
        queue.settings = settings;
        queue.metrics = metrics;
        sweeper.store = store;
        sweeper.dispatcher = dispatcher;
        sweeper.settings = settings;
        sweeper.metrics = metrics;
        sweeper.queues = queues;
        sweeper.clock = store.clock();
    }

    /** {@code tusk_queue_jobs_total{event}} of the test queue. */
    double jobs(String event) {
        var counter = registry.find("tusk.queue.jobs").tag("queue", QUEUE).tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }
}
