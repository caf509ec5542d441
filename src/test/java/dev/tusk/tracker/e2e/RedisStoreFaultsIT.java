package dev.tusk.tracker.e2e;

import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TrackerHttp;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The tracker with swarms in Redis (server "wildfly-redis"), against a real redis-server that
 * the test stops and starts: a stopped Redis gives /ping 503 and announces a bencoded failure
 * within the configured timeout (2 s) for swarms not in memory (those in memory are answered and
 * their changes kept), and Tusk serves and writes again once Redis is back, without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedisStoreFaultsIT {
    private static final int REDIS_PORT = 6391;
    private static Process redis;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @BeforeAll
    static void startRedis() throws Exception {
        redis = new ProcessBuilder("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(new File("target/redis-6391.log"))
                .start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> RawHttp.get(TrackerHttp.PORT, "/ping").status() == 200);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.destroy();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    private static RedisClient redisClient() {
        return RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", REDIS_PORT)).build();
    }

    private static Map<String, Object> announce(byte[] hash) {
        return Bdecoder.dict(RawHttp.get(TrackerHttp.PORT, "/announce?" + announceQuery(hash, randomBytes(20), 6881, 0, "")).body());
    }

    @Test
    void aStoppedRedisIsReportedWhileCachedSwarmsAreServedAndTheirChangesWrittenWhenItIsBack() throws Exception {
        byte[] hash = randomBytes(20);
        byte[] seeders = ("CHI_S4_" + new String(hash, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(announce(hash)).containsEntry("complete", 1L);
        try (RedisClient r = redisClient()) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> r.hlen(seeders) == 1);
        }

        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThat(RawHttp.get(TrackerHttp.PORT, "/ping").status()).isEqualTo(503);
        Map<String, Object> failed = announce(randomBytes(20));
        assertThat(Bdecoder.string(failed.get("failure reason"))).as("a swarm not in memory needs the store").contains("unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no hang past the timeouts").isLessThan(Duration.ofSeconds(15));
        assertThat(announce(hash)).as("a swarm in memory is answered while Redis is down")
                .doesNotContainKey("failure reason").containsEntry("complete", 2L);

        startRedis(); // empty: the peers written before are gone with the old process
        Map<String, Object> again = announce(randomBytes(20));
        assertThat(again).doesNotContainKey("failure reason").containsEntry("complete", 1L);
        try (RedisClient r = redisClient()) {
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(r.hlen(seeders)).as("the announce buffered during the outage, written when Redis is back").isEqualTo(1));
        }
    }

    /**
     * Announces as fast as they are answered (swarms in memory, and new ones) while Redis stops
     * and starts: every answer is a 200 (a reply or a bencoded failure, never an error page),
     * readiness reports the tracker's store DOWN, and every announce acknowledged from the stop on
     * is in Redis once it is back (Redis restarts empty here: what it held before is gone with its
     * process, not lost by Tusk).
     */
    @Test
    void announcesUnderLoadRideOutRedisStoppingAndStarting() throws Exception {
        List<byte[]> swarms = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            swarms.add(randomBytes(20));
            assertThat(announce(swarms.get(i))).doesNotContainKey("failure reason");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean stopped = new AtomicBoolean();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<Integer, Set<String>> acknowledgedSinceStop = new ConcurrentHashMap<>();
        Thread load = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                boolean known = i % 10 != 0;
                int swarm = i % swarms.size();
                byte[] peer = randomBytes(20);
                boolean since = stopped.get();
                RawHttp.Reply r = RawHttp.get(TrackerHttp.PORT, "/announce?" + announceQuery(known ? swarms.get(swarm) : randomBytes(20), peer, 20_000 + i % 40_000, 7, ""));
                boolean failed = r.status() != 200 || Bdecoder.dict(r.body()).containsKey("failure reason");
                outcomes.merge(r.status() + (failed ? " failure" : " ok") + (known ? " in memory" : " new"), 1, Integer::sum);
                if (known && !failed && since) {
                    acknowledgedSinceStop.computeIfAbsent(swarm, k -> ConcurrentHashMap.newKeySet()).add(HexFormat.of().formatHex(peer));
                }
            }
        }, "announces");
        load.start();
        Thread.sleep(1000);

        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // only announces sent once the process is gone count: one flushed to the dying Redis is
        // lost with it (it restarts empty), which is Redis's loss, not Tusk's
        stopped.set(true);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            RawHttp.Reply ready = RawHttp.get(9990, "/health/ready");
            return ready.status() == 503 && ready.text().replace(" ", "").contains("{\"name\":\"tracker-store\",\"status\":\"DOWN\"");
        });
        assertThat(RawHttp.get(TrackerHttp.PORT, "/ping").status()).isEqualTo(503);
        Thread.sleep(2000);

        long restarted = System.nanoTime();
        startRedis();
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> RawHttp.get(9990, "/health/ready").status() == 200
                && !announce(randomBytes(20)).containsKey("failure reason"));
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        Thread.sleep(1000);
        running.set(false);
        load.join();

        System.out.printf("redis outage: answers under load %s; ready and announcing new swarms again %d ms after redis-server started%n",
                new TreeMap<>(outcomes), recoveryMillis);
        assertThat(outcomes.keySet()).as("every answer a 200, a reply or a bencoded failure").allMatch(o -> o.startsWith("200 "));
        assertThat(outcomes).as("swarms in memory answered through the outage").doesNotContainKey("200 failure in memory");
        assertThat(outcomes).as("new swarms refused while Redis was down").containsKey("200 failure new");
        try (RedisClient r = redisClient()) {
            for (Map.Entry<Integer, Set<String>> e : acknowledgedSinceStop.entrySet()) {
                byte[] leechers = ("CHI_L4_" + new String(swarms.get(e.getKey()), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(r.hlen(leechers))
                        .as("leechers acknowledged since the stop, written to Redis").isGreaterThanOrEqualTo(e.getValue().size()));
            }
        }
    }

    @Test
    void operatorsSeeTheRedisSwarm() {
        byte[] hash = randomBytes(20);
        TrackerHttp.get("/announce?" + announceQuery(hash, randomBytes(20), 7001, 0, ""));
        RawHttp.Reply reply = RawHttp.request(TrackerHttp.PORT, "GET",
                "/api/admin/tracker/swarms/" + java.util.HexFormat.of().formatHex(hash), null,
                dev.tusk.testing.AdminCredentials.header());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("\"seeders\":1").contains("\"port\":7001");
    }
}
