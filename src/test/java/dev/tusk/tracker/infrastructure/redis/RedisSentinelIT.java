package dev.tusk.tracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * The Redis store through Redis Sentinel: a real master, a replica and three sentinels started
 * by the test; after a failover the store writes to the new master without a restart.
 */
@ExtendWith(ArquillianExtension.class)
class RedisSentinelIT {
    private static final int MASTER = 6395;
    private static final int REPLICA = 6396;
    private static final int[] SENTINELS = {26395, 26396, 26397};

    private final List<Process> processes = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(RedisSentinelIT.class, ManualRedisConnection.class);
    }

    private void start(String... command) throws IOException {
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    private static String master(int sentinel) {
        try (RedisClient r = RedisClient.create("127.0.0.1", sentinel)) {
            Object reply = r.sendCommand(redis.clients.jedis.Protocol.Command.SENTINEL, "get-master-addr-by-name", "tusk");
            if (!(reply instanceof List<?> addr) || addr.size() < 2) {
                return "";
            }
            return new String((byte[]) addr.get(0)) + ":" + new String((byte[]) addr.get(1));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static RedisConnection sentinelConnection() {
        return ManualRedisConnection.open("127.0.0.1:" + SENTINELS[0] + ",127.0.0.1:" + SENTINELS[1] + ",127.0.0.1:" + SENTINELS[2],
                false, null, "tusk");
    }

    private static Peer peer(int i) throws Exception {
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        return new Peer(PeerId.of(id), InetAddress.getByName("10.9.0." + i), 6881);
    }

    @Test
    void theStoreFollowsAFailover() throws Exception {
        Path dir = Files.createTempDirectory("tusk-sentinel");
        // each in a fresh directory of its own: a replica writes the dump it receives, and a
        // redis-server started where a dump lies would load it
        start("redis-server", "--port", Integer.toString(MASTER), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", Files.createDirectories(dir.resolve("master")).toString());
        start("redis-server", "--port", Integer.toString(REPLICA), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", Files.createDirectories(dir.resolve("replica")).toString(), "--replicaof", "127.0.0.1", Integer.toString(MASTER));
        for (int port : SENTINELS) {
            Path conf = dir.resolve("sentinel-" + port + ".conf");
            Files.writeString(conf, "port " + port + "\nbind 127.0.0.1\ndir " + dir + "\nsentinel monitor tusk 127.0.0.1 " + MASTER + " 2\n"
                    + "sentinel down-after-milliseconds tusk 1000\nsentinel failover-timeout tusk 5000\n");
            start("redis-server", conf.toString(), "--sentinel");
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (int s : SENTINELS) {
                if (!master(s).equals("127.0.0.1:" + MASTER)) {
                    return false;
                }
            }
            return true;
        });
        RedisConnection connection = sentinelConnection();
        assertThat(connection.currentMaster()).isEqualTo("127.0.0.1:" + MASTER);
        RedisPeerStore store = new RedisPeerStore();
        store.redis = connection;
        try {
            InfoHash swarm = InfoHash.of(new byte[20]);
            store.putSeeder(swarm, peer(1));
            assertThat(store.scrapeSwarm(swarm).seeders()).isEqualTo(1);
            // replication is asynchronous: the write has reached the replica before the failover
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                try (RedisClient replica = RedisClient.create("127.0.0.1", REPLICA)) {
                    return replica.hlen(RedisKeys.swarm(swarm, true, false)) == 1;
                }
            });

            // a sentinel learns of the replica from the master's INFO (every 10 s): until then it
            // answers NOGOODSLAVE (seen in a clean-clone run), so the failover is asked until taken
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
                try (RedisClient s = RedisClient.create("127.0.0.1", SENTINELS[0])) {
                    s.sendCommand(redis.clients.jedis.Protocol.Command.SENTINEL, "failover", "tusk");
                    return true;
                }
            });
            // every sentinel names the new master before the test writes (the old one may
            // stay writable for a moment: spec notes)
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (int s : SENTINELS) {
                    if (!master(s).equals("127.0.0.1:" + REPLICA)) {
                        return false;
                    }
                }
                return true;
            });
            // and the client has switched to it (Jedis hears +switch-master from the sentinels)
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> connection.currentMaster().equals("127.0.0.1:" + REPLICA));
            Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                store.putLeecher(swarm, peer(2));
                return true;
            });
            try (RedisClient newMaster = RedisClient.create("127.0.0.1", REPLICA)) {
                assertThat(newMaster.hlen(RedisKeys.swarm(swarm, false, false))).isEqualTo(1);
                assertThat(newMaster.hlen(RedisKeys.swarm(swarm, true, false))).isEqualTo(1);
            }
            assertThat(store.scrapeSwarm(swarm).leechers()).isEqualTo(1);
            assertThat(store.scrapeSwarm(swarm).seeders()).isEqualTo(1);
        } finally {
            connection.close();
        }
    }
}
