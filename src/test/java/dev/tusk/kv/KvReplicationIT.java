package dev.tusk.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.kv.application.CatalogService;
import dev.tusk.kv.application.KeyValueStore;
import dev.tusk.kv.application.KvMaintenance;
import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.KeyHashing;
import dev.tusk.kv.domain.KvException;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.Shards;
import dev.tusk.kv.domain.StoredValue;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import dev.tusk.kv.domain.WriteOutcome;
import dev.tusk.testing.Deployments;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The properties of spec/kv.md on real PostgreSQL: 3 zones x 2 shards in separate databases,
 * zone z3 in its own cluster that is stopped and started. Convergence is judged by comparing
 * whole-instance digests, not samples.
 */
@ExtendWith(ArquillianExtension.class)
class KvReplicationIT {
    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(KvReplicationIT.class, KvParade.class);
    }

    @Inject CatalogService catalog;
    @Inject KeyValueStore kv;
    @Inject KvMaintenance maintenance;
    @Inject Shards shards;
    @Inject dev.tusk.kv.infrastructure.ShardConnections connections;

    @BeforeEach
    void parade() {
        KvParade.setUp(catalog);
    }

    private static byte[] json(String s) {
        return ("\"" + s + "\"").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<StoredValue> v) {
        return v.map(x -> new String(x.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    private static void awaitConvergence() {
        Awaitility.await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200)).until(() -> KvParade.converged(KvParade.ZONES));
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID();
    }

    @Test
    void concurrentWritersInEveryZoneConvergeOnTheGreatestVersion() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add(unique("race"));
        }
        long tiedTs = Instant.now().toEpochMilli() * 1000;
        Map<String, List<Map.Entry<Version, String>>> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (String zone : KvParade.ZONES) {
            writers.add(pool.submit(() -> {
                for (int round = 0; round < 5; round++) {
                    for (int k = 0; k < keys.size(); k++) {
                        String value = zone + "/" + round + "/" + ThreadLocalRandom.current().nextInt();
                        // a quarter of the keys get the same timestamp from every zone: a tie broken by origin
                        Long ts = k % 4 == 0 && round == 0 ? tiedTs : null;
                        WriteOutcome w = kv.put(zone, new Key("it", keys.get(k)), ValueKind.JSON, json(value), ts);
                        if (w.written()) {
                            acknowledged.computeIfAbsent(keys.get(k), x -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(Map.entry(w.version(), value));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get();
        }
        pool.shutdown();
        awaitConvergence();
        for (String key : keys) {
            Map.Entry<Version, String> winner = acknowledged.get(key).stream().max(Map.Entry.comparingByKey()).orElseThrow();
            for (String zone : KvParade.ZONES) {
                Optional<StoredValue> stored = kv.get(zone, new Key("it", key));
                assertThat(text(stored)).as("%s in %s", key, zone).isEqualTo("\"" + winner.getValue() + "\"");
                assertThat(stored.orElseThrow().version()).isEqualTo(winner.getKey());
            }
        }
    }

    /**
     * A write whose transaction stays open while many later writes replicate, with the replication
     * connections killed again and again meanwhile: once committed it reaches every zone.
     */
    @Test
    void noAcknowledgedWriteIsLostToASlowTransactionOrKilledReplicators() throws Exception {
        String slowKey = unique("slow");
        String shard = catalog.current().shardOf(slowKey).name();
        Map<String, String> written = new HashMap<>();
        try (Connection slow = KvParade.connect("z1", shard)) {
            slow.setAutoCommit(false);
            try (PreparedStatement ps = slow.prepareStatement("INSERT INTO kv_row (namespace, key, part, kind, value, ts, origin, bucket)"
                    + " VALUES ('it', ?, '', 'json', ?, ?, ?, ?)")) {
                ps.setString(1, slowKey);
                ps.setBytes(2, json("slow"));
                ps.setLong(3, Instant.now().toEpochMilli() * 1000);
                ps.setString(4, KvParade.id("z1", shard));
                ps.setInt(5, KeyHashing.bucket(slowKey));
                ps.executeUpdate();
            }
            for (int i = 0; i < 300; i++) {
                String key = unique("burst");
                kv.put("z1", new Key("it", key), ValueKind.JSON, json("v" + i), null);
                written.put(key, "\"v" + i + "\"");
                if (i % 50 == 25) {
                    killReplicationConnections();
                }
            }
            // everything after the slow write is replicated, far past it in time...
            Awaitility.await().atMost(CONVERGENCE).until(() -> written.keySet().stream()
                    .allMatch(k -> kv.get("z2", new Key("it", k)).isPresent() && kv.get("z3", new Key("it", k)).isPresent()));
            assertThat(kv.get("z2", new Key("it", slowKey))).isEmpty();
            slow.commit();
        }
        // ...and the slow write, acknowledged only now, still arrives
        Awaitility.await().atMost(CONVERGENCE).until(() -> "\"slow\"".equals(text(kv.get("z2", new Key("it", slowKey))))
                && "\"slow\"".equals(text(kv.get("z3", new Key("it", slowKey)))));
        awaitConvergence();
        for (Map.Entry<String, String> e : written.entrySet()) {
            for (String zone : KvParade.ZONES) {
                assertThat(text(kv.get(zone, new Key("it", e.getKey())))).isEqualTo(e.getValue());
            }
        }
    }

    private static void killReplicationConnections() throws Exception {
        for (String zone : List.of("z1", "z2")) {
            try (Connection c = KvParade.connect(zone, "s0"); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'tusk-kv-repl%'");
            }
        }
    }

    @Test
    void aDeletedValueNeverComesBackAndTombstonesWaitForADownZone() throws Exception {
        String key = unique("deleted");
        String shard = catalog.current().shardOf(key).name();
        kv.put("z1", new Key("it", key), ValueKind.JSON, json("alive"), null);
        awaitConvergence();

        KvParade.stopZone3();
        try {
            assertThat(kv.delete("z2", new Key("it", key), null).written()).isTrue();
            Awaitility.await().atMost(CONVERGENCE).until(() -> kv.get("z1", new Key("it", key)).isEmpty());
            Thread.sleep(1500); // past the tombstone grace
            maintenance.runNow();
            // z3 still holds the live value and has not seen the delete: the tombstone stays
            assertThat(KvParade.count("z1", shard, "kind = 'tombstone' AND key = '" + key + "'")).isEqualTo(1);
            assertThat(KvParade.count("z2", shard, "kind = 'tombstone' AND key = '" + key + "'")).isEqualTo(1);
        } finally {
            KvParade.startZone3();
        }
        // z3 rejoins: it takes the delete, and the value never shows again anywhere
        Awaitility.await().atMost(CONVERGENCE).until(() -> kv.get("z3", new Key("it", key)).isEmpty());
        awaitConvergence();
        // with every peer healthy and past it, the tombstone is cleaned everywhere
        Awaitility.await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            KvMaintenance.Round round = maintenance.runNow();
            Map<String, Long> left = new TreeMap<>();
            for (String z : KvParade.ZONES) {
                left.put(z, KvParade.count(z, shard, "key = '" + key + "'"));
            }
            Map<String, String> progress = KvParade.progress(shard);
            assertThat(left.values()).as(() -> "rows of the deleted key left: " + left + "; last round's problems: "
                    + round.problems() + "; progress: " + progress).containsOnly(0L);
        });
        Thread.sleep(1000);
        maintenance.runNow();
        for (String zone : KvParade.ZONES) {
            assertThat(kv.get(zone, new Key("it", key))).as(zone).isEmpty();
        }
    }

    @Test
    void aZoneStoppedForAWhileCatchesUpAfterItComesBack() throws Exception {
        Map<String, String> written = new HashMap<>();
        KvParade.stopZone3();
        try {
            for (int i = 0; i < 400; i++) {
                String key = unique("while-down");
                kv.put(i % 2 == 0 ? "z1" : "z2", new Key("it", key), ValueKind.JSON, json("d" + i), null);
                written.put(key, "\"d" + i + "\"");
            }
            assertThatThrownBy(() -> kv.get("z3", new Key("it", written.keySet().iterator().next())))
                    .isInstanceOf(KvException.class).extracting(e -> ((KvException) e).reason()).isEqualTo(KvException.Reason.UNAVAILABLE);
        } finally {
            KvParade.startZone3();
        }
        long back = System.nanoTime();
        awaitConvergence();
        System.out.printf("kv: zone z3 caught up on 400 writes in %d ms after its restart%n", (System.nanoTime() - back) / 1_000_000);
        for (Map.Entry<String, String> e : written.entrySet()) {
            assertThat(text(kv.get("z3", new Key("it", e.getKey())))).isEqualTo(e.getValue());
        }
    }

    /** Drift that replication cannot see (a row lost on one instance) is found by digests and repaired. */
    @Test
    void digestComparisonRepairsDrift() throws Exception {
        String key = unique("drift");
        String shard = catalog.current().shardOf(key).name();
        kv.put("z1", new Key("it", key), ValueKind.JSON, json("kept"), null);
        awaitConvergence();
        try (Connection c = KvParade.connect("z2", shard); PreparedStatement ps = c.prepareStatement("DELETE FROM kv_row WHERE key = ?")) {
            ps.setString(1, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        // replication has passed that row (its xid is below every progress): only the digest
        // comparison of a maintenance round (the timer's or this one) brings it back
        Awaitility.await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            maintenance.runNow();
            return "\"kept\"".equals(text(kv.get("z2", new Key("it", key))));
        });
        awaitConvergence();
    }

    /**
     * What repair uses for a peer's settled tombstones, which this instance may have cleaned up
     * already: such a tombstone replaces an older row still here, and never adds a row.
     */
    @Test
    void aSettledTombstoneFromRepairReplacesAnOlderRowAndNeverAddsOne() throws Exception {
        String absent = unique("cleaned");
        String present = unique("present");
        kv.put("z1", new Key("it", present), ValueKind.JSON, json("old"), null);
        awaitConvergence();
        String shard = catalog.current().shardOf(present).name();
        Catalog.ShardInstance z1 = catalog.current().instance(shard, "z1").orElseThrow();
        KvRow stored = shards.bucket(z1, KeyHashing.bucket(present)).stream().filter(r -> r.key().equals(present)).findFirst().orElseThrow();
        Catalog.ShardInstance absentsZ1 = catalog.current().instance(catalog.current().shardOf(absent).name(), "z1").orElseThrow();

        assertThat(shards.applyOverExisting(absentsZ1, List.of(new KvRow("it", absent, "", ValueKind.TOMBSTONE, null,
                new Version(stored.version().ts(), stored.version().origin()), null)))).isZero();
        assertThat(KvParade.count("z1", catalog.current().shardOf(absent).name(), "key = '" + absent + "'")).isZero();

        KvRow newer = new KvRow("it", present, "", ValueKind.TOMBSTONE, null,
                new Version(stored.version().ts() + 1, stored.version().origin()), null);
        assertThat(shards.applyOverExisting(z1, List.of(newer))).isEqualTo(1);
        assertThat(shards.applyOverExisting(z1, List.of(newer))).as("not newer any more").isZero();
        assertThat(kv.get("z1", new Key("it", present))).isEmpty();
        awaitConvergence();
    }

    @Test
    void replayingABatchChangesNothing() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String key = unique("replay");
            keys.add(key);
            kv.put("z1", new Key("it", key), ValueKind.BYTES, new byte[] {(byte) i}, null);
        }
        awaitConvergence();
        Catalog c = catalog.current();
        Catalog.ShardInstance z1 = c.instance("s0", "z1").orElseThrow();
        Catalog.ShardInstance z2 = c.instance("s0", "z2").orElseThrow();
        // this test's rows only: other tests' rows may expire or be cleaned up meanwhile
        String before = rowsAndXids("z2", keys);
        for (int bucket = 0; bucket < KeyHashing.BUCKETS; bucket++) {
            var rows = shards.bucket(z1, bucket).stream().filter(r -> keys.contains(r.key())).toList();
            assertThat(shards.applyRows(z2, rows)).isZero();
            assertThat(shards.applyRows(z2, rows)).isZero();
        }
        assertThat(rowsAndXids("z2", keys)).as("no row was rewritten").isEqualTo(before);
    }

    /** The instance's rows of these keys, with the xid that last wrote each, as one digest. */
    private static String rowsAndXids(String zone, List<String> keys) throws Exception {
        try (Connection c = KvParade.connect(zone, "s0"); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*), md5(string_agg(concat_ws('|', key, part, kind, encode(value, 'hex'), ts, origin, xid), ','"
                        + " ORDER BY key, part)) FROM kv_row WHERE key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + " rows " + rs.getString(2);
            }
        }
    }

    @Test
    void aNewPeerIsBackfilledAndADecommissionedOneIsLetGo() throws Exception {
        for (int i = 0; i < 50; i++) {
            kv.put("z2", new Key("it", unique("before-z4")), ValueKind.JSON, json("b" + i), null);
        }
        awaitConvergence();
        catalog.edit(e -> {
            e.putZone("z4");
            e.putInstance(new Catalog.ShardInstance("z4-s0", "s0", "z4", "jdbc:postgresql://127.0.0.1:5432/tusk_kv_z4_s0", "tusk", "tusk", false));
        });
        try {
            // the node serves z4 too: a task pulls into the new instance from zero
            Awaitility.await().atMost(CONVERGENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> KvParade.digest("z4", "s0").equals(KvParade.digest("z1", "s0")));
            assertThat(KvParade.count("z4", "s0", "TRUE")).isGreaterThan(0);
        } finally {
            catalog.edit(e -> e.decommission("z4-s0"));
        }
        // decommissioned: its peers no longer wait for it (tombstone cleanup) nor pull from it
        assertThat(catalog.current().peersOf(catalog.current().instance("s0", "z1").orElseThrow()))
                .extracting(Catalog.ShardInstance::id).doesNotContain("z4-s0");
    }

    /** A change made in plain SQL (no JMS notice, as from a node whose broker is not shared) still arrives. */
    @Test
    void aCatalogChangeThatMissedTheTopicReachesTheNodeAtItsNextRound() throws Exception {
        String namespace = unique("late");
        try (Connection c = dev.tusk.testing.TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO kv_namespace (name) VALUES (?)")) {
            ps.setString(1, namespace);
            ps.executeUpdate();
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> catalog.current().namespace(namespace).isPresent());
            assertThat(kv.put("z2", new Key(namespace, "k"), ValueKind.JSON, json("v"), null).written()).isTrue();
        } finally {
            catalog.edit(e -> e.removeNamespace(namespace));
        }
    }

    /** Tusk's own transactions on a shard instance cannot stay open past kv.transaction_timeout (3 s here). */
    @Test
    void aTransactionLeftOpenOnTuskConnectionsIsEnded() throws Exception {
        Catalog.ShardInstance z1 = catalog.current().instance("s0", "z1").orElseThrow();
        try (Connection c = connections.open(z1, "tusk-kv-test")) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kv_row (namespace, key, part, kind, value, ts, origin, bucket)"
                    + " VALUES ('it', 'abandoned', '', 'json', '1', 1, 'z1-s0', 0)")) {
                ps.executeUpdate();
            }
            Thread.sleep(3500);
            assertThatThrownBy(c::commit).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(KvParade.count("z1", "s0", "key = 'abandoned'")).isZero();
    }

    @Test
    void writesFromTheFutureAreRefusedAndALosingWriteSaysSo() {
        String key = unique("versions");
        long farFuture = (Instant.now().getEpochSecond() + 60) * 1_000_000L;
        assertThatThrownBy(() -> kv.put("z1", new Key("it", key), ValueKind.JSON, json("x"), farFuture))
                .isInstanceOf(KvException.class).hasMessageContaining("in the future");
        WriteOutcome first = kv.put("z1", new Key("it", key), ValueKind.JSON, json("new"), null);
        WriteOutcome older = kv.put("z1", new Key("it", key), ValueKind.JSON, json("old"), first.version().ts() - 1_000_000);
        assertThat(older.written()).isFalse();
        assertThat(older.version()).isEqualTo(first.version());
        assertThat(text(kv.get("z1", new Key("it", key)))).isEqualTo("\"new\"");
    }

    @Test
    void anExpiredKeyIsInvisibleAtOnceAndSweptLater() throws Exception {
        String key = unique("expiring");
        kv.put("z1", new Key("short", key), ValueKind.JSON, json("brief"), null);
        assertThat(kv.get("z1", new Key("short", key))).isPresent();
        Thread.sleep(1100);
        assertThat(kv.get("z1", new Key("short", key))).isEmpty();
        // and the sweep removes it from every instance
        String shard = catalog.current().shardOf(key).name();
        Awaitility.await().atMost(CONVERGENCE).until(() -> {
            maintenance.runNow();
            long left = 0;
            for (String z : KvParade.ZONES) {
                left += KvParade.count(z, shard, "key = '" + key + "'");
            }
            return left == 0;
        });
    }

    @Test
    void concurrentIncrementsInEveryZoneAreAllCounted() throws Exception {
        String key = unique("counter");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> adders = new ArrayList<>();
        for (String zone : KvParade.ZONES) {
            adders.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    kv.add(zone, new Key("it", key), 1);
                }
                return null;
            }));
        }
        for (Future<?> f : adders) {
            f.get();
        }
        pool.shutdown();
        awaitConvergence();
        for (String zone : KvParade.ZONES) {
            assertThat(text(kv.get(zone, new Key("it", key)))).as(zone).isEqualTo("120");
        }
        // a delete resets the counter: once every zone has it, an increment counts from zero
        kv.delete("z1", new Key("it", key), null);
        awaitConvergence();
        assertThat(kv.get("z3", new Key("it", key))).isEmpty();
        assertThat(text(Optional.of(kv.add("z2", new Key("it", key), 5)))).isEqualTo("5");
        awaitConvergence();
        assertThat(text(kv.get("z1", new Key("it", key)))).isEqualTo("5");
    }
}
