package dev.tusk.queue.infrastructure;

import dev.tusk.platform.persistence.Jdbc;
import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Jobs in {@code job_queue}: claims take the oldest runnable job with {@code FOR UPDATE SKIP
 * LOCKED}, so concurrent workers never wait on each other nor take the same job; every step
 * that changes a running job is guarded by its worker, so a worker that lost its lease changes
 * nothing.
 */
@ApplicationScoped
public class JdbcJobStore implements JobStore {

    /**
     * Makes the statement that joins {@code async_commit} commit without waiting for the WAL
     * flush. For claims and heartbeats only: one lost in a crash of PostgreSQL leaves the job
     * runnable again (or its lease older), which the worker's guarded completion detects, and
     * the completion's own synchronous commit flushes the claim before it. Each job then waits
     * for one flush on the worker's side instead of two.
     */
    private static final String ASYNC_COMMIT = """
            WITH async_commit AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))
            """;

    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, work, e -> new IllegalStateException("job store: " + e.getMessage(), e));
    }

    @Override
    public boolean insert(UUID id, String queue, String type, String arguments, String uniqueKey, int retries) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO job_queue (id, queue, job, unique_key, retry)
                    VALUES (?, ?, jsonb_build_object('type', ?::text, 'args', ?::jsonb), ?, ?)
                    ON CONFLICT (unique_key) DO NOTHING""")) {
                ps.setObject(1, id);
                ps.setString(2, queue);
                ps.setString(3, type);
                ps.setString(4, arguments);
                ps.setString(5, uniqueKey);
                ps.setInt(6, retries);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Claimed claim(String queue, UUID worker, int most, int countUpTo) {
        return withConnection(c -> {
            // The picked ids are a materialized CTE, evaluated once: an IN (subquery) may be
            // rescanned by the plan, and with SKIP LOCKED each rescan picks other rows.
            try (PreparedStatement ps = c.prepareStatement(ASYNC_COMMIT + """
                    , picked AS MATERIALIZED (
                        SELECT id FROM job_queue, async_commit
                        WHERE queue = ? AND status = 'new' AND run_after <= now()
                        ORDER BY queue_time FOR UPDATE OF job_queue SKIP LOCKED LIMIT ?)
                    , claimed AS (
                        UPDATE job_queue j SET status = 'running', worker = ?, heartbeat = now(), attempts = attempts + 1
                        FROM picked WHERE j.id = picked.id
                        RETURNING j.id, j.queue, j.job->>'type' AS type, (j.job->'args')::text AS args, j.attempts, j.queue_time)
                    SELECT c.*, (SELECT count(*) FROM (SELECT 1 FROM job_queue
                                 WHERE queue = ? AND status = 'new' AND run_after <= now() LIMIT ?) b)
                    FROM claimed c ORDER BY c.queue_time""")) {
                ps.setString(1, queue);
                ps.setInt(2, most);
                ps.setObject(3, worker);
                ps.setString(4, queue);
                ps.setInt(5, countUpTo);
                List<Job> jobs = new ArrayList<>();
                long backlog = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant()));
                        backlog = rs.getLong(7);
                    }
                }
                return new Claimed(jobs, backlog);
            }
        });
    }

    @Override
    public Set<UUID> heartbeat(Map<UUID, UUID> leases) {
        if (leases.isEmpty()) {
            return Set.of();
        }
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(ASYNC_COMMIT + """
                    UPDATE job_queue j SET heartbeat = now()
                    FROM unnest(?::uuid[], ?::uuid[]) AS l(id, worker), async_commit
                    WHERE j.id = l.id AND j.worker = l.worker AND j.status = 'running'
                    RETURNING j.id""")) {
                List<UUID> ids = new ArrayList<>(leases.keySet());
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(2, c.createArrayOf("uuid", ids.stream().map(leases::get).toArray()));
                Set<UUID> held = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        held.add(rs.getObject(1, UUID.class));
                    }
                }
                return held;
            }
        });
    }

    @Override
    public boolean complete(UUID job, UUID worker) {
        return update("DELETE FROM job_queue WHERE id = ? AND worker = ? AND status = 'running'", job, worker) == 1;
    }

    @Override
    @Transactional
    public Failure fail(UUID job, UUID worker, String error, Duration backoff) {
        return withConnection(c -> {
            Integer retriesLeft;
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE job_queue SET status = 'new', worker = NULL, heartbeat = NULL, retry = retry - 1,
                           run_after = now() + make_interval(secs => ?), last_error = ?
                    WHERE id = ? AND worker = ? AND status = 'running' AND retry > 0
                    RETURNING retry""")) {
                ps.setDouble(1, backoff.toMillis() / 1000.0);
                ps.setString(2, error);
                ps.setObject(3, job);
                ps.setObject(4, worker);
                try (ResultSet rs = ps.executeQuery()) {
                    retriesLeft = rs.next() ? rs.getInt(1) : null;
                }
            }
            if (retriesLeft == null) {
                return Failure.LEASE_LOST;
            }
            if (retriesLeft > 0) {
                return Failure.RETRY_SCHEDULED;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH gone AS (DELETE FROM job_queue WHERE id = ? RETURNING *)
                    INSERT INTO job_queue_failed (id, queue, job, unique_key, attempts, last_error, queue_time)
                    SELECT id, queue, job, unique_key, attempts, last_error, queue_time FROM gone""")) {
                ps.setObject(1, job);
                ps.executeUpdate();
            }
            return Failure.FAILED_FOR_GOOD;
        });
    }

    @Override
    public List<String> requeueStale(Instant cutoff) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE job_queue SET status = 'new', worker = NULL, heartbeat = NULL
                    WHERE status = 'running' AND heartbeat < ? RETURNING queue""")) {
                ps.setTimestamp(1, Timestamp.from(cutoff));
                List<String> queues = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        queues.add(rs.getString(1));
                    }
                }
                return queues;
            }
        });
    }

    @Override
    public long runnable(String queue, Instant queuedBefore) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM job_queue
                    WHERE queue = ? AND status = 'new' AND run_after <= now() AND queue_time < ?""")) {
                ps.setString(1, queue);
                ps.setTimestamp(2, Timestamp.from(queuedBefore));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Map<String, Lengths> lengths() {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT queue, sum(waiting), sum(running), sum(failed) FROM (
                        SELECT queue, count(*) FILTER (WHERE status = 'new') AS waiting, count(*) FILTER (WHERE status = 'running') AS running,
                               0 AS failed
                        FROM job_queue GROUP BY queue
                        UNION ALL SELECT queue, 0, 0, count(*) FROM job_queue_failed GROUP BY queue) q
                    GROUP BY queue""");
                    ResultSet rs = ps.executeQuery()) {
                Map<String, Lengths> lengths = new LinkedHashMap<>();
                while (rs.next()) {
                    lengths.put(rs.getString(1), new Lengths(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
                return lengths;
            }
        });
    }

    @Override
    @Transactional
    public Optional<String> retryFailed(UUID id, int retries) {
        return withConnection(c -> {
            String queue;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO job_queue (id, queue, job, unique_key, retry)
                    SELECT id, queue, job, unique_key, ? FROM job_queue_failed WHERE id = ?
                    ON CONFLICT DO NOTHING RETURNING queue""")) {
                ps.setInt(1, retries);
                ps.setObject(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    queue = rs.next() ? rs.getString(1) : null;
                }
            }
            if (queue == null) {
                return Optional.empty();
            }
            update(c, "DELETE FROM job_queue_failed WHERE id = ?", id);
            return Optional.of(queue);
        });
    }

    @Override
    public boolean deleteFailed(UUID id) {
        return update("DELETE FROM job_queue_failed WHERE id = ?", id) == 1;
    }

    private int update(String sql, Object... args) {
        return withConnection(c -> update(c, sql, args));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
