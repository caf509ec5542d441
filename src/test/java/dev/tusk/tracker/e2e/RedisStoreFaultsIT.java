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
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
