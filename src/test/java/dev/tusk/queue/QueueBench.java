package dev.tusk.queue;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.JobQueue;
import dev.tusk.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job queue benchmark (a command, not a test: {@code bin/tusk bench queue}). Pushes N no-op
 * jobs from 4 threads and measures end-to-end throughput (first push to last completion) and
 * dispatch latency (job queued to handler start), for Tusk's JMS dispatch and, in the same run,
 * for pict-rs's design: 4 workers that claim in a loop and, when the queue is empty, sleep
 * until a wake-up at push (pict-rs's NOTIFY, here an in-process signal) or 5 s pass. Each is
 * run flat out (pushers faster than workers: latency is mostly the backlog) and paced at
 * 200 jobs/s (latency is the dispatch itself).
 */
@ExtendWith(ArquillianExtension.class)
class QueueBench {
    static final int JOBS = Integer.getInteger("bench.jobs", 40000);
    static final int THREADS = 4;
    static final String POLLING_QUEUE = "bench-polling";
    /** Each of the 4 pushers waits this long between pushes: 200 jobs/s in all. */
    static final long PACED_MICROS = 20_000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(QueueBench.class, Ledger.class, Noop.class);
    }

    /** Completions and their dispatch latencies. */
    @ApplicationScoped
    public static class Ledger {
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger done = new AtomicInteger();
        volatile long lastDone;

        void started(Job job) {
            latencies.add(Duration.between(job.queuedAt(), Instant.now()).toNanos());
        }

        void finished() {
            lastDone = System.nanoTime();
            done.incrementAndGet();
        }

        void reset() {
            latencies.clear();
            done.set(0);
        }

        // Callers hold a CDI proxy: state is read through methods, never fields.
        int doneCount() {
            return done.get();
        }

        long lastDoneNanos() {
            return lastDone;
        }

        List<Long> sortedLatencies() {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted;
        }
    }

    /** Does nothing, as fast as it can. */
    @ApplicationScoped
    public static class Noop implements JobHandler {
        @Inject Ledger ledger;

        @Override
        public String type() {
            return "bench.noop";
        }

        @Override
        public JobOutcome run(JobContext context) {
            ledger.started(context.job());
            ledger.finished();
            return JobOutcome.SUCCESS;
        }
    }

    @Inject JobQueue queue;
    @Inject JobStore store;
    @Inject Ledger ledger;
    /** Plain threads: the default executor's small pool would starve pushers behind the polling workers. */
    @Resource ManagedThreadFactory threads;
    @Resource(lookup = "java:jboss/datasources/TuskDS") javax.sql.DataSource dataSource;

    private Future<Void> start(java.util.concurrent.Callable<Void> work) {
        java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(work);
        threads.newThread(task).start();
        return task;
    }

    @Test
    void jmsDispatchAgainstPolling() throws Exception {
        run("warm-up", this::pushJms, null, Math.min(JOBS, 2000), 0);
        String jmsPaced = run("Tusk, paced 200 jobs/s", this::pushJms, null, 2000, PACED_MICROS);
        String jms = run("Tusk (JMS wake-ups, MDB)", this::pushJms, null, JOBS, 0);
        Object signal = new Object();
        List<Future<?>> workers = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int i = 0; i < THREADS; i++) {
            workers.add(start(() -> pollingWorker(signal, stop)));
        }
        String pollingPaced = run("pict-rs design, paced 200 jobs/s", n -> pushPolling(n, signal), signal, 2000, PACED_MICROS);
        String polling = run("pict-rs design (poll 5 s + wake-ups)", n -> pushPolling(n, signal), signal, JOBS, 0);
        stop.set(true);
        synchronized (signal) {
            signal.notifyAll();
        }
        for (Future<?> w : workers) {
            w.get(10, TimeUnit.SECONDS);
        }
        System.out.printf("%n%-40s %12s %10s %10s %12s%n", "dispatch", "jobs/s", "p50", "p99", "pushed/s");
        System.out.println(jms);
        System.out.println(polling);
        System.out.println(jmsPaced);
        System.out.println(pollingPaced);
        System.out.printf("(%d no-op jobs, %d pushing threads, %d workers, %d cores)%n", JOBS, THREADS, THREADS,
                Runtime.getRuntime().availableProcessors());
    }

    @FunctionalInterface
    interface Pusher {
        void push(int index) throws Exception;
    }

    private String run(String name, Pusher pusher, Object signal, int jobs, long pauseMicros) throws Exception {
        ledger.reset();
        long start = System.nanoTime();
        List<Future<?>> pushers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            pushers.add(start(() -> {
                for (int i = first; i < jobs; i += THREADS) {
                    pusher.push(i);
                    if (pauseMicros > 0) {
                        TimeUnit.MICROSECONDS.sleep(pauseMicros);
                    }
                }
                return null;
            }));
        }
        for (Future<?> p : pushers) {
            p.get(10, TimeUnit.MINUTES);
        }
        double pushSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (ledger.doneCount() < jobs && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        double seconds = (ledger.lastDoneNanos() - start) / 1e9;
        List<Long> sorted = ledger.sortedLatencies();
        return String.format("%-40s %12.0f %8.1fms %8.1fms %12.0f", name, ledger.doneCount() / seconds,
                percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6, jobs / pushSeconds);
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    private void pushJms(int index) {
        queue.push(MediaQueues.PROCESS, "bench.noop", "{}", null);
    }

    private void pushPolling(int index, Object signal) {
        store.insert(UUID.randomUUID(), POLLING_QUEUE, "bench.noop", "{}", null, 5);
        synchronized (signal) {
            signal.notify();
        }
    }

    /** pict-rs's claim, as it sends it (one job, committed at once). */
    private Optional<Job> pictrsClaim(UUID worker) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("""
                UPDATE job_queue SET status = 'running', heartbeat = now(), worker = ?
                WHERE id = (SELECT id FROM job_queue WHERE status = 'new' AND queue = ?
                            ORDER BY queue_time ASC FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, queue, job->>'type', (job->'args')::text, attempts, queue_time""")) {
            ps.setObject(1, worker);
            ps.setString(2, POLLING_QUEUE);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getTimestamp(6).toInstant())) : Optional.empty();
            }
        }
    }

    private Void pollingWorker(Object signal, java.util.concurrent.atomic.AtomicBoolean stop) throws Exception {
        while (!stop.get()) {
            UUID worker = UUID.randomUUID();
            Optional<Job> job = pictrsClaim(worker);
            if (job.isEmpty()) {
                synchronized (signal) {
                    signal.wait(5000);
                }
                continue;
            }
            ledger.started(job.get());
            store.complete(job.get().id(), worker);
            ledger.finished();
        }
        return null;
    }
}
