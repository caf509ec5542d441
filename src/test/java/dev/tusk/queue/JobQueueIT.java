package dev.tusk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.queue.application.JobRunner;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.JobQueue;
import dev.tusk.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job queue inside the server, on real PostgreSQL and Artemis. The test server runs with
 * short heartbeat, sweep and back-off settings (arquillian.xml).
 */
@ExtendWith(ArquillianExtension.class)
class JobQueueIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(JobQueueIT.class, JobLedger.class, TestJobHandlers.class, TestJobHandlers.Record.class,
                TestJobHandlers.Fail.class, TestJobHandlers.Lease.class);
    }

    @Inject JobQueue queue;
    @Inject JobLedger ledger;
    @Inject JobStore store;
    @Inject JobRunner runner;
    @Inject dev.tusk.queue.domain.JobDispatcher dispatcher;
    @Inject io.micrometer.core.instrument.MeterRegistry registry;
    @Resource UserTransaction tx;
    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String args(String key) {
        return "{\"key\":\"" + key + "\"}";
    }

    @BeforeEach
    void effectsTable() throws Exception {
        sql("CREATE TABLE IF NOT EXISTS queue_test_effects (key text, attempt int)");
    }

    private int sql(String statement, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long count(String query, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void eachJobRunsExactlyOnceAcrossConcurrentWorkers() throws Exception {
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> key()).toList();
        for (String k : keys) {
            assertThat(queue.push(MediaQueues.PROCESS, "test.record", args(k), null)).isEqualTo(JobQueue.Pushed.QUEUED);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> keys.stream().allMatch(k -> ledger.count(k) >= 1));
        Thread.sleep(2500); // sweeps run meanwhile: nothing may run twice
        assertThat(keys).allSatisfy(k -> assertThat(ledger.count(k)).as(k).isEqualTo(1));
        assertThat(count("SELECT count(*) FROM job_queue WHERE job->>'type' = 'test.record'")).isZero();
    }

    private double wakeUps(String queue, String outcome) {
        io.micrometer.core.instrument.Counter c = registry.find("tusk.queue.wakeups").tags("queue", queue, "outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void wakeUpsBeyondTheWorkersAreLeftOutAndEveryJobStillRunsOnce() throws Exception {
        double sent = wakeUps(MediaQueues.PROCESS, "sent");
        double leftOut = wakeUps(MediaQueues.PROCESS, "left_out");
        List<String> keys = IntStream.range(0, 60).mapToObj(i -> key()).toList();
        tx.begin();
        for (String k : keys) {
            queue.push(MediaQueues.PROCESS, "test.record", args(k), null);
        }
        tx.commit(); // 60 wake-ups asked for at once; the process queue has 4 workers
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k -> ledger.count(k) >= 1));
        assertThat(keys).allSatisfy(k -> assertThat(ledger.count(k)).as(k).isEqualTo(1));
        assertThat(wakeUps(MediaQueues.PROCESS, "left_out") - leftOut).isPositive();
        assertThat(wakeUps(MediaQueues.PROCESS, "sent") - sent).isLessThan(30);
    }

    @Test
    void oneWakeUpRunsABacklogUpToItsLimitAndHandsOver() throws Exception {
        // no worker busy or about to be: the wake-ups of earlier tests are all consumed
        await().atMost(Duration.ofSeconds(30)).until(() -> dispatcher.inFlight(MediaQueues.PROCESS, 10) == 0
                && count("SELECT count(*) FROM job_queue WHERE queue = 'process'") == 0);
        List<String> keys = IntStream.range(0, 40).mapToObj(i -> key()).toList();
        for (String k : keys) {
            // rows only, as a lost message would leave them
            assertThat(store.insert(UUID.randomUUID(), MediaQueues.PROCESS, "test.record", args(k), null, 5)).isTrue();
        }
        runner.drain(MediaQueues.PROCESS); // one wake-up, in this thread
        String here = Thread.currentThread().getName();
        long ranHere = keys.stream().filter(k -> ledger.threads(k).contains(here)).count();
        // a backlog served by one wake-up, at most queue.jobs_per_wakeup (32) of it (the sweep may
        // have woken workers for a few of the rest meanwhile)
        assertThat(ranHere).isBetween(2L, 32L);
        // the rest runs, each job once
        await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(k -> ledger.count(k) >= 1));
        assertThat(keys).allSatisfy(k -> assertThat(ledger.count(k)).as(k).isEqualTo(1));
    }

    @Test
    void claimsTakeTheOldestJobsAndCountTheBacklog() throws Exception {
        String claims = "test-claims-" + key(); // a queue of its own, that no worker serves
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            store.insert(id, claims, "test.record", args(key()), null, 5);
        }
        UUID worker = UUID.randomUUID();
        JobStore.Claimed first = store.claim(claims, worker, 8, 32);
        assertThat(first.jobs()).extracting(dev.tusk.queue.spi.Job::id).containsExactlyElementsOf(ids.subList(0, 8));
        assertThat(first.backlog()).isEqualTo(20);
        JobStore.Claimed second = store.claim(claims, worker, 8, 10);
        assertThat(second.jobs()).extracting(dev.tusk.queue.spi.Job::id).containsExactlyElementsOf(ids.subList(8, 16));
        assertThat(second.backlog()).as("counted up to the bound").isEqualTo(10);
        assertThat(store.claim(claims, worker, 8, 32).jobs()).hasSize(4);
        JobStore.Claimed none = store.claim(claims, worker, 8, 32);
        assertThat(none.jobs()).isEmpty();
        assertThat(none.backlog()).isZero();
        assertThat(count("SELECT count(*) FROM job_queue WHERE queue = ? AND status = 'running' AND worker = ?", claims, worker))
                .isEqualTo(20);
        sql("DELETE FROM job_queue WHERE queue = ?", claims);
    }

    @Test
    void aUniqueKeyIsNotQueuedTwice() throws Exception {
        String k = key();
        String unique = "unique-" + k;
        tx.begin();
        assertThat(queue.push(MediaQueues.CLEANUP, "test.record", args(k), unique)).isEqualTo(JobQueue.Pushed.QUEUED);
        assertThat(queue.push(MediaQueues.CLEANUP, "test.record", args(k), unique)).isEqualTo(JobQueue.Pushed.ALREADY_QUEUED);
        tx.commit();
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.count(k) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM job_queue WHERE unique_key = ?", unique) == 0);
        // once done, the key is free again
        assertThat(queue.push(MediaQueues.CLEANUP, "test.record", args(k), unique)).isEqualTo(JobQueue.Pushed.QUEUED);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.count(k) == 2);
    }

    @Test
    void failuresRetryWithGrowingBackOffThenLandInTheFailedRecord() throws Exception {
        String k = key();
        queue.push(MediaQueues.PROCESS, "test.fail", args(k), null);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("SELECT count(*) FROM job_queue_failed WHERE job->'args'->>'key' = ?", k) == 1);
        assertThat(ledger.count(k)).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM job_queue WHERE job->'args'->>'key' = ?", k)).isZero();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT attempts, last_error FROM job_queue_failed WHERE job->'args'->>'key' = ?")) {
            ps.setString(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
                assertThat(rs.getString(2)).contains("boom");
            }
        }
        List<Long> times = ledger.times(k);
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        // back-off 100 ms x 2^(n-1) with +-20 % jitter, capped at 1 s: the gaps grow
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(80).toNanos());
        assertThat(gaps.get(3)).isGreaterThan(gaps.get(0) * 3);
    }

    @Test
    void aJobPushedInARolledBackTransactionNeverRuns() throws Exception {
        String k = key();
        tx.begin();
        queue.push(MediaQueues.PROCESS, "test.record", args(k), null);
        tx.rollback();
        Thread.sleep(3000); // several sweeps
        assertThat(ledger.count(k)).isZero();
        assertThat(count("SELECT count(*) FROM job_queue WHERE job->'args'->>'key' = ?", k)).isZero();
    }

    @Test
    void aJobWhoseMessageWasLostRunsThroughTheSweep() throws Exception {
        String k = key();
        sql("INSERT INTO job_queue (id, queue, job) VALUES (?, 'process', jsonb_build_object('type', 'test.record', 'args', ?::jsonb))",
                UUID.randomUUID(), args(k));
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.count(k) == 1);
    }

    @Test
    void aJobWhoseWorkerDiedIsRequeuedAndRun() throws Exception {
        String k = key();
        sql("INSERT INTO job_queue (id, queue, job, status, worker, heartbeat, attempts) VALUES (?, 'cleanup',"
                + " jsonb_build_object('type', 'test.record', 'args', ?::jsonb), 'running', ?, now() - interval '1 hour', 1)",
                UUID.randomUUID(), args(k), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.count(k) == 1);
    }

    @Test
    void aLostLeaseStopsTheHandlerAndRollsBackItsWork() throws Exception {
        String k = key();
        queue.push(MediaQueues.PROCESS, "test.lease", args(k), null);
        await().atMost(Duration.ofSeconds(15)).until(() -> ledger.count(k + "/started/1") == 1);
        // another worker takes the job: this one's heartbeats now update nothing
        assertThat(sql("UPDATE job_queue SET worker = ? WHERE job->'args'->>'key' = ?", UUID.randomUUID(), k)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.count(k + "/lost") == 1);
        // the job, abandoned by its thief, goes stale, is requeued and runs again
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT count(*) FROM queue_test_effects WHERE key = ? AND attempt = 2", k) == 1);
        assertThat(count("SELECT count(*) FROM queue_test_effects WHERE key = ? AND attempt = 1", k))
                .as("the first attempt's work, done without its lease").isZero();
        assertThat(count("SELECT count(*) FROM job_queue WHERE job->'args'->>'key' = ?", k)).isZero();
    }
}
