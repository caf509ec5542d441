package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JdbcJobStore's semantics in memory, on a clock the test moves, for unit tests of the engine:
 * claims take the oldest runnable jobs and count attempts; completion and failure need the
 * claiming worker; retries count down to a move into the failed record; stale heartbeats go back
 * to new. A test may also break it ({@link #failWith}) or take a job away ({@link #takeAway}).
 */
final class InMemoryJobStore implements JobStore {

    static final class Row {
        final UUID id;
        final String queue;
        final String type;
        final String arguments;
        final String uniqueKey;
        final Instant queuedAt;
        int retry;
        int attempts;
        boolean running;
        UUID worker;
        Instant runAfter;
        Instant heartbeat;
        String lastError;

        Row(UUID id, String queue, String type, String arguments, String uniqueKey, int retry, Instant queuedAt, Instant now) {
            this.id = id;
            this.queue = queue;
            this.type = type;
            this.arguments = arguments;
            this.uniqueKey = uniqueKey;
            this.retry = retry;
            this.queuedAt = queuedAt;
            this.runAfter = now;
        }
    }

    final Map<UUID, Row> rows = new LinkedHashMap<>();
    final Map<UUID, Row> failed = new LinkedHashMap<>();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long tick;
    private RuntimeException failure;

    /** Every call throws {@code e} until called with null (the database down). */
    void failWith(RuntimeException e) {
        failure = e;
    }

    /** Another node's sweep requeued the job, or an operator deleted it: this worker lost it. */
    void takeAway(UUID job) {
        Row r = rows.get(job);
        r.running = false;
        r.worker = null;
    }

    /** The store's clock, for the engine's cutoffs. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    private void check() {
        if (failure != null) {
            throw failure;
        }
    }

    private boolean runnable(Row r, String queue) {
        return r.queue.equals(queue) && !r.running && !r.runAfter.isAfter(now);
    }

    @Override
    public synchronized boolean insert(UUID id, String queue, String type, String arguments, String uniqueKey, int retries) {
        check();
        if (uniqueKey != null && rows.values().stream().anyMatch(r -> uniqueKey.equals(r.uniqueKey))) {
            return false;
        }
        // distinct queue times in push order, like now() in successive transactions, and runnable at once
        rows.put(id, new Row(id, queue, type, arguments, uniqueKey, retries, now.minusSeconds(1).plusNanos(++tick * 1000), now));
        return true;
    }

    @Override
    public synchronized Claimed claim(String queue, UUID worker, int most, int countUpTo) {
        check();
        List<Row> picked = rows.values().stream().filter(r -> runnable(r, queue))
                .sorted(Comparator.comparing((Row r) -> r.queuedAt)).limit(most).toList();
        long backlog = Math.min(countUpTo, rows.values().stream().filter(r -> runnable(r, queue)).count() - picked.size());
        List<Job> jobs = new ArrayList<>();
        for (Row r : picked) {
            r.running = true;
            r.worker = worker;
            r.heartbeat = now;
            r.attempts++;
            jobs.add(new Job(r.id, r.queue, r.type, r.arguments, r.attempts, r.queuedAt));
        }
        return new Claimed(jobs, picked.isEmpty() ? 0 : backlog);
    }

    @Override
    public synchronized Set<UUID> heartbeat(Map<UUID, UUID> leases) {
        check();
        Set<UUID> held = new HashSet<>();
        leases.forEach((job, worker) -> {
            Row r = rows.get(job);
            if (r != null && r.running && worker.equals(r.worker)) {
                r.heartbeat = now;
                held.add(job);
            }
        });
        return held;
    }

    @Override
    public synchronized boolean complete(UUID job, UUID worker) {
        check();
        Row r = rows.get(job);
        if (r == null || !r.running || !worker.equals(r.worker)) {
            return false;
        }
        rows.remove(job);
        return true;
    }

    @Override
    public synchronized Failure fail(UUID job, UUID worker, String error, Duration backoff) {
        check();
        Row r = rows.get(job);
        if (r == null || !r.running || !worker.equals(r.worker) || r.retry <= 0) {
            return Failure.LEASE_LOST;
        }
        r.running = false;
        r.worker = null;
        r.heartbeat = null;
        r.retry--;
        r.runAfter = now.plus(backoff);
        r.lastError = error;
        if (r.retry > 0) {
            return Failure.RETRY_SCHEDULED;
        }
        rows.remove(job);
        failed.put(job, r);
        return Failure.FAILED_FOR_GOOD;
    }

    @Override
    public synchronized List<String> requeueStale(Instant cutoff) {
        check();
        List<String> queues = new ArrayList<>();
        for (Row r : rows.values()) {
            if (r.running && r.heartbeat.isBefore(cutoff)) {
                r.running = false;
                r.worker = null;
                r.heartbeat = null;
                queues.add(r.queue);
            }
        }
        return queues;
    }

    @Override
    public synchronized long runnable(String queue, Instant queuedBefore) {
        check();
        return rows.values().stream().filter(r -> runnable(r, queue) && r.queuedAt.isBefore(queuedBefore)).count();
    }

    @Override
    public synchronized Map<String, Lengths> lengths() {
        check();
        Map<String, long[]> counts = new LinkedHashMap<>();
        rows.values().forEach(r -> counts.computeIfAbsent(r.queue, q -> new long[3])[r.running ? 1 : 0]++);
        failed.values().forEach(r -> counts.computeIfAbsent(r.queue, q -> new long[3])[2]++);
        Map<String, Lengths> lengths = new LinkedHashMap<>();
        counts.forEach((q, c) -> lengths.put(q, new Lengths(c[0], c[1], c[2])));
        return lengths;
    }

    @Override
    public synchronized Optional<String> retryFailed(UUID id, int retries) {
        check();
        Row r = failed.remove(id);
        if (r == null) {
            return Optional.empty();
        }
        rows.put(id, new Row(id, r.queue, r.type, r.arguments, r.uniqueKey, retries, now, now));
        return Optional.of(r.queue);
    }

    @Override
    public synchronized boolean deleteFailed(UUID id) {
        check();
        return failed.remove(id) != null;
    }
}
