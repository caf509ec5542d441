package dev.tusk.tracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreContents;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.SwarmBrowser.PeerView;
import dev.tusk.tracker.infrastructure.PeerStoreContract;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.exceptions.JedisMovedDataException;

/**
 * The Redis store on a real Redis Cluster of three masters started by the test, where MoChi's
 * keys (CHI_I, the counters, each swarm hash) lie in different slots on different nodes: the
 * whole store contract, exact counters under concurrent writers, and a migration's reads and
 * writes across the nodes. The store's classes run in the test's JVM on a connection the test
 * configures (tracker.redis.cluster=true), the way the server builds it.
 */
class RedisClusterStoreIT extends PeerStoreContract {
    private static final int[] PORTS = {17000, 17001, 17002};
    private static final List<Process> NODES = new ArrayList<>();
    private static RedisConnection connection;
    private static RedisPeerStore peers;
    private static RedisDataStore data;

    @BeforeAll
    static void startCluster() throws Exception {
        Path dir = Files.createTempDirectory("tusk-cluster");
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        for (int port : PORTS) {
            stopLeftOver(port);
            Path node = Files.createDirectories(dir.resolve(Integer.toString(port)));
            NODES.add(new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--cluster-enabled", "yes", "--cluster-config-file", node.resolve("nodes.conf").toString(),
                    "--save", "", "--appendonly", "no", "--dir", node.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            create.add("127.0.0.1:" + port);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
            for (int port : PORTS) {
                try (RedisClient r = RedisClient.create("127.0.0.1", port)) {
                    r.ping();
                }
            }
            return true;
        });
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process created = new ProcessBuilder(create).redirectErrorStream(true).start();
        String output = new String(created.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(created.waitFor()).as(output).isZero();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (int port : PORTS) {
                try (RedisClient r = RedisClient.create("127.0.0.1", port)) {
                    Object info = r.sendCommand(redis.clients.jedis.Protocol.Command.CLUSTER, "INFO");
                    if (!new String((byte[]) info, StandardCharsets.US_ASCII).contains("cluster_state:ok")) {
                        return false;
                    }
                }
            }
            return true;
        });
        connection = ManualRedisConnection.cluster("127.0.0.1:" + PORTS[0]);
        peers = new RedisPeerStore();
        peers.redis = connection;
        data = new RedisDataStore();
        data.redis = connection;
    }

    /** A node that a run killed before its clean-up left behind would keep the port. */
    private static void stopLeftOver(int port) {
        try (RedisClient r = RedisClient.create("127.0.0.1", port)) {
            r.sendCommand(redis.clients.jedis.Protocol.Command.SHUTDOWN, "NOSAVE");
        } catch (RuntimeException nothingThere) {
            // the usual case: the port is free (or the node closed the connection as it stopped)
        }
    }

    @AfterAll
    static void stopCluster() throws IOException {
        if (connection != null) {
            connection.close();
        }
        NODES.forEach(Process::destroyForcibly);
    }

    /** Plain commands on the cluster, as MoChi or an operator would send them. */
    private static RedisClusterClient plain() {
        return RedisClusterClient.create(new HostAndPort("127.0.0.1", PORTS[0]));
    }

    @Override
    protected PeerStore store() {
        return peers;
    }

    @Override
    protected StoreMaintenance maintenance() {
        return peers;
    }

    @Override
    protected DataStore data() {
        return data;
    }

    @Override
    protected void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) {
        try (RedisClusterClient r = plain()) {
            assertThat(r.hset(RedisKeys.swarm(infoHash, seeder, peer.isV6()), RedisKeys.peer(peer), RedisKeys.nanos(when))).isZero();
        }
    }

    private static Peer peer(int i) throws Exception {
        byte[] id = new byte[20];
        new SecureRandom().nextBytes(id);
        return new Peer(PeerId.of(id), InetAddress.getByName(i % 2 == 0 ? "10.7.0." + (i % 250) : "2001:db8::" + Integer.toHexString(i)),
                6881 + i);
    }

    private static InfoHash hash() {
        byte[] b = new byte[20];
        new SecureRandom().nextBytes(b);
        return InfoHash.of(b);
    }

    /** The port of the master that serves a key (the others answer MOVED). */
    private static int owner(byte[] key) {
        for (int port : PORTS) {
            try (RedisClient r = RedisClient.create("127.0.0.1", port)) {
                r.type(key);
                return port;
            } catch (JedisMovedDataException elsewhere) {
                // another master's slot
            }
        }
        throw new AssertionError("no master serves the key");
    }

    @Test
    void mochisKeysReallyLieOnDifferentNodes() throws Exception {
        InfoHash h = hash();
        peers.putSeeder(h, peer(2));
        byte[] swarm = RedisKeys.swarm(h, true, false);
        try (RedisClusterClient r = plain()) {
            assertThat(r.sismember(RedisKeys.SWARMS, swarm)).isTrue();
            assertThat(r.hlen(swarm)).isEqualTo(1);
        }
        Set<Integer> nodes = new HashSet<>();
        for (byte[] key : List.of(RedisKeys.SWARMS, RedisKeys.SEEDER_COUNT, RedisKeys.LEECHER_COUNT, RedisKeys.DOWNLOADS, swarm)) {
            nodes.add(owner(key));
        }
        assertThat(nodes).as("the masters holding CHI_I, CHI_C_S, CHI_C_L, CHI_D and a swarm").hasSizeGreaterThan(1);
    }

    /** The counters, CHI_I and every swarm hash agree, after GC has forgotten empty swarms. */
    private static void assertConsistent(Set<InfoHash> swarms) {
        try (RedisClusterClient r = plain()) {
            long seeders = 0;
            long leechers = 0;
            Set<String> indexed = new HashSet<>();
            for (byte[] member : r.smembers(RedisKeys.SWARMS)) {
                indexed.add(new String(member, StandardCharsets.ISO_8859_1));
            }
            for (String key : indexed) {
                byte[] raw = key.getBytes(StandardCharsets.ISO_8859_1);
                long n = r.hlen(raw);
                assertThat(n).as("a swarm in CHI_I after GC has peers").isPositive();
                if (raw[4] == 'S') {
                    seeders += n;
                } else {
                    leechers += n;
                }
            }
            for (InfoHash h : swarms) {
                for (boolean seeder : new boolean[] {true, false}) {
                    for (boolean v6 : new boolean[] {true, false}) {
                        byte[] key = RedisKeys.swarm(h, seeder, v6);
                        if (r.hlen(key) > 0) {
                            assertThat(indexed).as("every swarm with peers is in CHI_I").contains(new String(key, StandardCharsets.ISO_8859_1));
                        }
                    }
                }
            }
            assertThat(Long.parseLong(new String(r.get(RedisKeys.SEEDER_COUNT), StandardCharsets.US_ASCII))).isEqualTo(seeders);
            assertThat(Long.parseLong(new String(r.get(RedisKeys.LEECHER_COUNT), StandardCharsets.US_ASCII))).isEqualTo(leechers);
        }
    }

    @Test
    void countersStayExactUnderConcurrentWritersAcrossNodes() throws Exception {
        peers.collectGarbage(Instant.now().plus(1, ChronoUnit.DAYS)); // start from an empty store
        List<InfoHash> swarms = List.of(hash(), hash(), hash());
        List<Peer> crowd = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            crowd.add(peer(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 400; i++) {
                        InfoHash h = swarms.get(random.nextInt(swarms.size()));
                        Peer p = crowd.get(random.nextInt(crowd.size()));
                        switch (random.nextInt(5)) {
                            case 0 -> peers.putSeeder(h, p);
                            case 1 -> peers.putLeecher(h, p);
                            case 2 -> peers.graduateLeecher(h, p);
                            case 3 -> peers.deleteSeeder(h, p);
                            default -> peers.deleteLeecher(h, p);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        peers.collectGarbage(Instant.parse("2001-01-01T00:00:00Z")); // removes no peer, forgets empty swarms
        assertConsistent(new HashSet<>(swarms));
        // A peer that announced in both roles at the same instant can be in both hashes (the
        // two are different keys, changed one after the other): its next announce leaves the
        // other role, and the counters follow.
        for (InfoHash h : swarms) {
            for (Peer p : crowd) {
                if (inBothRoles(h, p)) {
                    peers.putSeeder(h, p);
                    assertThat(inBothRoles(h, p)).isFalse();
                }
            }
        }
        assertConsistent(new HashSet<>(swarms));
        peers.collectGarbage(Instant.now().plus(1, ChronoUnit.DAYS));
        assertConsistent(Set.of());
        assertThat(peers.statistics().seeders()).isZero();
    }

    private static boolean inBothRoles(InfoHash h, Peer p) {
        try (RedisClusterClient r = plain()) {
            return r.hexists(RedisKeys.swarm(h, true, p.isV6()), RedisKeys.peer(p)) && r.hexists(RedisKeys.swarm(h, false, p.isV6()), RedisKeys.peer(p));
        }
    }

    /** Everything a migration reads, page by page with small pages. */
    private static Map<StoreContents.Part, List<StoreContents.Item>> readAll(RedisStoreContents contents) {
        Map<StoreContents.Part, List<StoreContents.Item>> all = new HashMap<>();
        for (StoreContents.Part part : StoreContents.Part.values()) {
            List<StoreContents.Item> items = new ArrayList<>();
            String position = null;
            while (true) {
                List<StoreContents.Positioned> page = contents.read(part, position, 2);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(p -> items.add(p.item()));
                position = page.get(page.size() - 1).next();
            }
            all.put(part, items);
        }
        return all;
    }

    @Test
    void aMigrationReadsEveryNodeAndWritesIdempotently() throws Exception {
        peers.collectGarbage(Instant.now().plus(1, ChronoUnit.DAYS));
        try (RedisClusterClient r = plain()) {
            for (int i = 0; i < 20; i++) {
                r.del(RedisKeys.data("MIGRATE_" + i));
            }
            r.del(RedisKeys.DOWNLOADS);
        }
        RedisStoreContents contents = new RedisStoreContents();
        contents.redis = connection;
        Instant seen = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<StoreContents.Item> written = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            InfoHash h = hash();
            written.add(new StoreContents.Swarm(h, List.of(new PeerView(peer(2 * i), true, seen), new PeerView(peer(2 * i + 1), false, seen))));
            written.add(new StoreContents.Downloads(h, i + 1));
        }
        // contexts whose keys fall on all three masters
        for (int i = 0; i < 20; i++) {
            written.add(new StoreContents.DataEntries("MIGRATE_" + i, Map.of(ByteKey.of(new byte[] {(byte) i}), new byte[] {1})));
        }
        contents.write(written);
        contents.write(written); // again: nothing changes
        assertConsistent(Set.of());
        assertThat(peers.statistics().seeders()).isEqualTo(6);
        assertThat(peers.statistics().leechers()).isEqualTo(6);

        Map<StoreContents.Part, List<StoreContents.Item>> read = readAll(contents);
        assertThat(read.get(StoreContents.Part.SWARMS)).hasSize(12); // one item a role and family
        assertThat(read.get(StoreContents.Part.DOWNLOADS)).containsExactlyInAnyOrderElementsOf(
                written.stream().filter(i -> i instanceof StoreContents.Downloads).toList());
        Set<String> contexts = new HashSet<>();
        read.get(StoreContents.Part.DATA).forEach(i -> contexts.add(((StoreContents.DataEntries) i).context()));
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            expected.add("MIGRATE_" + i);
        }
        assertThat(contexts).containsAll(expected);
        assertThat(connection.keySpaces()).hasSize(3);
    }
}
