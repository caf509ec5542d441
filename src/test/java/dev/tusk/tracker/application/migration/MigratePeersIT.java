package dev.tusk.tracker.application.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.platform.batch.BatchJobs;
import dev.tusk.platform.batch.BatchJobs.ExecutionView;
import dev.tusk.platform.batch.InvalidJobParametersException;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TestRedis;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * migrate-peers inside the running server, between the real PostgreSQL store and the real Redis
 * store (database 9): both stores are compared whole, line by line, after each migration.
 */
@ExtendWith(ArquillianExtension.class)
class MigratePeersIT {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MigratePeersIT.class, TrackerStoreDump.class);
    }

    @Inject BatchJobs jobs;

    @BeforeEach
    void emptyBothStores() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE mo_peers, mo_downloads, mo_kv");
        }
        try (RedisClient r = TestRedis.plain()) {
            r.flushDB();
        }
    }

    /**
     * Swarms of peers in both families and roles with distinct last-seen times, download counts
     * for a third of them, and three data contexts.
     */
    private static void seedPostgres(int swarms, int peersPerSwarm) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement peers = c.prepareStatement("""
                INSERT INTO mo_peers (info_hash, peer_id, address, port, is_seeder, is_v6, created)
                SELECT decode(lpad(to_hex(s), 40, '0'), 'hex'), decode(lpad(to_hex(s * 100 + p), 40, '0'), 'hex'),
                       CASE WHEN p % 2 = 0 THEN ('10.' || (s / 250 % 250) || '.' || (s % 250) || '.' || (p + 1))::inet
                            ELSE ('2001:db8::' || to_hex(s) || ':' || p)::inet END,
                       6881 + p, p % 3 = 0, p % 2 = 1,
                       date_trunc('second', now() AT TIME ZONE 'UTC') - (s * 1000 + p) * interval '1 microsecond'
                FROM generate_series(1, ?) s, generate_series(0, ? - 1) p""");
                PreparedStatement downloads = c.prepareStatement(
                        "INSERT INTO mo_downloads SELECT decode(lpad(to_hex(s), 40, '0'), 'hex'), s FROM generate_series(1, ?) s");
                Statement data = c.createStatement()) {
            peers.setInt(1, swarms);
            peers.setInt(2, peersPerSwarm);
            peers.executeUpdate();
            downloads.setInt(1, swarms / 3);
            downloads.executeUpdate();
            data.executeUpdate("INSERT INTO mo_kv SELECT 'MW_CTX' || (i % 3), decode(lpad(to_hex(i), 8, '0'), 'hex'),"
                    + " decode(md5(i::text), 'hex') FROM generate_series(1, 120) i");
        }
    }

    private static SortedSet<String> postgres() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            return TrackerStoreDump.postgres(c);
        }
    }

    private static SortedSet<String> redis() {
        try (RedisClient r = TestRedis.plain()) {
            return TrackerStoreDump.redis(r);
        }
    }

    private static long[] redisCounters() {
        try (RedisClient r = TestRedis.plain()) {
            return TrackerStoreDump.redisCounters(r);
        }
    }

    private static long[] postgresCounts() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE is_seeder), count(*) FILTER (WHERE NOT is_seeder) FROM mo_peers")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private ExecutionView awaitEnd(long id) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.execution(id), e -> ENDED.contains(e.batchStatus()));
    }

    private ExecutionView migrate(String from, String to, int chunkSize) {
        ExecutionView started = jobs.start(MigratePeersJob.NAME, Map.of("from", from, "to", to, "chunkSize", Integer.toString(chunkSize)));
        return awaitEnd(started.id());
    }

    private static long metric(ExecutionView e, String step, String metric) {
        return e.steps().stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().metrics().get(metric);
    }

    @Test
    void copiesEverythingFromPostgresToRedisAndBackExactly() throws Exception {
        seedPostgres(300, 4);
        SortedSet<String> original = postgres();
        assertThat(original).hasSize(300 * 4 + 100 + 120);

        ExecutionView toRedis = migrate("postgres", "redis", 50);
        assertThat(toRedis.batchStatus()).isEqualTo("COMPLETED");
        assertThat(redis()).isEqualTo(original);
        assertThat(redisCounters()).containsExactly(postgresCounts());
        assertThat(metric(toRedis, "swarms", "readCount")).isEqualTo(300);
        assertThat(metric(toRedis, "swarms", "writeCount")).isEqualTo(300);
        assertThat(metric(toRedis, "downloads", "writeCount")).isEqualTo(100);
        assertThat(metric(toRedis, "swarms", "commitCount")).isGreaterThanOrEqualTo(6);

        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE mo_peers, mo_downloads, mo_kv");
        }
        ExecutionView toPostgres = migrate("redis", "postgres", 50);
        assertThat(toPostgres.batchStatus()).isEqualTo("COMPLETED");
        assertThat(postgres()).isEqualTo(original);
    }

    @Test
    void runningAMigrationAgainChangesNothing() throws Exception {
        seedPostgres(120, 3);
        SortedSet<String> original = postgres();
        assertThat(migrate("postgres", "redis", 25).batchStatus()).isEqualTo("COMPLETED");
        long[] counters = redisCounters();

        assertThat(migrate("postgres", "redis", 7).batchStatus()).isEqualTo("COMPLETED");
        assertThat(redis()).isEqualTo(original);
        assertThat(redisCounters()).containsExactly(counters).containsExactly(postgresCounts());
        assertThat(migrate("redis", "postgres", 25).batchStatus()).isEqualTo("COMPLETED");
        assertThat(postgres()).isEqualTo(original);
    }

    @Test
    void aStoppedMigrationRestartsFromItsCheckpointWithNothingLostOrDuplicated() throws Exception {
        int swarms = 4000;
        seedPostgres(swarms, 2);
        SortedSet<String> original = postgres();
        ExecutionView started = jobs.start(MigratePeersJob.NAME, Map.of("from", "postgres", "to", "redis", "chunkSize", "10"));
        try (RedisClient r = TestRedis.plain()) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> r.scard("CHI_I") >= 50);
        }
        jobs.stop(started.id());
        ExecutionView stopped = awaitEnd(started.id());
        assertThat(stopped.batchStatus()).isEqualTo("STOPPED");
        long readBeforeStop = metric(stopped, "swarms", "readCount");
        assertThat(readBeforeStop).isBetween(1L, swarms - 1L);
        assertThat(redis()).isNotEqualTo(original);

        ExecutionView restarted = awaitEnd(jobs.restart(started.id(), false).id());
        assertThat(restarted.batchStatus()).isEqualTo("COMPLETED");
        // it went on from the last checkpoint: what the first run committed is not read again
        long readAfterRestart = metric(restarted, "swarms", "readCount");
        assertThat(readAfterRestart).isLessThan(swarms).isGreaterThanOrEqualTo(swarms - readBeforeStop);
        assertThat(redis()).isEqualTo(original);
        assertThat(redisCounters()).containsExactly(postgresCounts());
    }

    @Test
    void badParametersAreRefusedBeforeTheJobStarts() {
        assertThatThrownBy(() -> jobs.start(MigratePeersJob.NAME, Map.of("from", "redis", "to", "redis")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessageContaining("the same store");
        assertThatThrownBy(() -> jobs.start(MigratePeersJob.NAME, Map.of("from", "postgres", "to", "mysql")))
                .hasMessage("to is postgres or redis, not 'mysql'");
        assertThatThrownBy(() -> jobs.start(MigratePeersJob.NAME, Map.of("from", "postgres", "to", "redis", "chunkSize", "0")))
                .hasMessageContaining("chunkSize is a whole number from 1 to 10000");
        assertThatThrownBy(() -> jobs.start(MigratePeersJob.NAME, Map.of("to", "redis")))
                .hasMessage("from is required: postgres or redis");
        assertThatThrownBy(() -> jobs.start(MigratePeersJob.NAME, Map.of("from", "postgres", "to", "redis", "chunksize", "5")))
                .hasMessageContaining("unknown parameter 'chunksize'");
    }

    /** The console and the CLI start jobs without the REST API's check: the job checks itself. */
    @Test
    void badParametersFromTheConsoleFailTheJobAtOnceSayingWhy() throws Exception {
        seedPostgres(10, 1);
        Properties bad = new Properties();
        bad.setProperty("from", "postgres");
        bad.setProperty("to", "mysql");
        long id = BatchRuntime.getJobOperator().start(MigratePeersJob.NAME, bad);
        ExecutionView failed = awaitEnd(id);
        assertThat(failed.batchStatus()).isEqualTo("FAILED");
        assertThat(failed.exitStatus()).isEqualTo("INVALID PARAMETERS: to is postgres or redis, not 'mysql'");
        assertThat(failed.steps()).isEmpty();
        assertThat(redis()).isEmpty();
    }

    @Test
    void executionsAreKeptInPostgresql() throws Exception {
        ExecutionView done = migrate("postgres", "redis", 100);
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("SELECT batchstatus FROM job_execution WHERE jobexecutionid = ?")) {
            ps.setLong(1, done.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("COMPLETED");
            }
        }
        assertThat(jobs.executions(MigratePeersJob.NAME, 50)).extracting(ExecutionView::id).contains(done.id());
    }
}
