package dev.tusk.kv.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.CatalogStore;
import dev.tusk.kv.domain.KeyHashing;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import dev.tusk.platform.config.TestSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A maintenance round on a node serving zone a, whose shard has an instance in zones a and b, over
 * the in-memory shards: digest repair from the peer, tombstone cleanup behind both sides'
 * progress, the expiry sweep, and an unreachable peer.
 */
class KvMaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final ShardInstance A = new ShardInstance("a-s0", "s0", "a", "jdbc:postgresql://a/kv", "u", null, false);
    private static final ShardInstance B = new ShardInstance("b-s0", "s0", "b", "jdbc:postgresql://b/kv", "u", null, false);

    private final InMemoryShards shards = new InMemoryShards();
    private final KvMaintenance maintenance = new KvMaintenance();

    KvMaintenanceTest() {
        Catalog catalog = new Catalog(List.of("a", "b"), List.of(new Catalog.Shard("s0", 0)), List.of(A, B),
                List.of(new Catalog.Namespace("ns", null)));
        KvSettings settings = TestSettings.of(KvSettings.class, "kv.zones", "a", "kv.max_clock_skew", "1s", "kv.batch_size", "100",
                "kv.poll_interval", "1s", "kv.backoff_base", "1s", "kv.backoff_max", "10s", "kv.tombstone_grace", "1h",
                "kv.maintenance_interval", "1m");
        VersionClock clock = new VersionClock();
        clock.wall = Clock.fixed(NOW, ZoneOffset.UTC);
        shards.now = NOW;
        CatalogService catalogs = new CatalogService();
        catalogs.store = new CatalogStore() {
            @Override
            public Catalog load() {
                return catalog;
            }

            @Override
            public long version() {
                return 1;
            }

            @Override
            public Catalog edit(Consumer<Editor> edits) {
                throw new UnsupportedOperationException();
            }
        };
        catalogs.replicator = new Replicator() {
            @Override
            public synchronized void reconcile(Catalog c) {
                // no replication threads in a unit test
            }
        };
        KvMetrics metrics = new KvMetrics();
        metrics.registry = new SimpleMeterRegistry();
        metrics.clock = clock;
        metrics.init();
        maintenance.catalog = catalogs;
        maintenance.shards = shards;
        maintenance.settings = settings;
        maintenance.metrics = metrics;
        maintenance.clock = clock;
    }

    private static long micros(Instant t) {
        return VersionClock.micros(t);
    }

    private static KvRow row(String key, String value, Instant written, String origin) {
        return new KvRow("ns", key, "", ValueKind.BYTES, value.getBytes(StandardCharsets.UTF_8), new Version(micros(written), origin), null);
    }

    private static KvRow tombstone(String key, Instant written, String origin) {
        return new KvRow("ns", key, "", ValueKind.TOMBSTONE, null, new Version(micros(written), origin), null);
    }

    private List<String> keysOf(ShardInstance instance) throws Exception {
        return shards.rows(instance).stream().map(r -> r.key() + (r.isTombstone() ? " (deleted)" : "=" + new String(r.value(), StandardCharsets.UTF_8))).toList();
    }

    /** Both sides pulled everything from each other, the peer's clock reading now. */
    private void bothPulledEverything() {
        shards.pulled(A, B.id(), shards.lastXid(B) + 1, micros(NOW));
        shards.pulled(B, A.id(), shards.lastXid(A) + 1, micros(NOW));
    }

    @Test
    void repairTakesWhatThisInstanceMissedAndKeepsItsNewerRows() throws Exception {
        shards.write(B, row("missed", "from b", NOW.minus(Duration.ofHours(3)), "b-s0"));
        shards.write(B, row("both", "old", NOW.minus(Duration.ofHours(3)), "b-s0"));
        shards.write(A, row("both", "newer", NOW.minus(Duration.ofHours(2)), "a-s0"));
        shards.write(A, row("mine", "only here", NOW.minus(Duration.ofHours(2)), "a-s0"));

        KvMaintenance.Round round = maintenance.runNow();

        assertThat(round.problems()).as("no peer progress yet: tombstones kept, nothing else wrong").allMatch(p -> p.contains("tombstones kept"));
        assertThat(keysOf(A)).containsExactlyInAnyOrder("missed=from b", "both=newer", "mine=only here");
        assertThat(keysOf(B)).as("a round repairs this node's instances, not the peer's").containsExactlyInAnyOrder("missed=from b", "both=old");
        assertThat(round.rowsRepaired()).isEqualTo(1);
    }

    /** A settled tombstone of the peer replaces an older row here, but never comes back where cleanup removed it. */
    @Test
    void repairNeverBringsBackATombstoneThatCleanupRemoved() throws Exception {
        shards.write(B, tombstone("cleaned", NOW.minus(Duration.ofHours(3)), "b-s0"));
        // a row this side misses in the same bucket, so that the bucket is compared
        String neighbour = IntStream.range(0, 100_000).mapToObj(i -> "neighbour-" + i)
                .filter(k -> KeyHashing.bucket(k) == KeyHashing.bucket("cleaned")).findFirst().orElseThrow();
        shards.write(B, row(neighbour, "from b", NOW.minus(Duration.ofHours(3)), "b-s0"));
        shards.write(B, tombstone("stale here", NOW.minus(Duration.ofHours(3)), "b-s0"));
        shards.write(A, row("stale here", "old", NOW.minus(Duration.ofHours(4)), "a-s0"));
        shards.write(B, tombstone("recent", NOW.minus(Duration.ofMinutes(5)), "b-s0"));

        maintenance.runNow();

        assertThat(keysOf(A)).containsExactlyInAnyOrder(neighbour + "=from b", "stale here (deleted)", "recent (deleted)");
    }

    @Test
    void tombstonesGoOnlyOnceBothSidesHavePulledPastThemAndTheGraceIsOver() throws Exception {
        shards.write(A, tombstone("old", NOW.minus(Duration.ofHours(3)), "a-s0"));
        shards.write(A, tombstone("within grace", NOW.minus(Duration.ofMinutes(30)), "a-s0"));
        shards.write(A, row("live", "x", NOW.minus(Duration.ofHours(3)), "a-s0"));
        long seen = shards.lastXid(A) + 1;
        shards.write(A, tombstone("not pulled yet", NOW.minus(Duration.ofHours(3)), "a-s0"));
        shards.pulled(B, A.id(), seen, micros(NOW));
        shards.pulled(A, B.id(), shards.lastXid(B) + 1, micros(NOW));

        KvMaintenance.Round round = maintenance.runNow();

        assertThat(round.tombstonesRemoved()).isEqualTo(1);
        assertThat(keysOf(A)).containsExactlyInAnyOrder("within grace (deleted)", "live=x", "not pulled yet (deleted)");
    }

    @Test
    void aPeerWhoseClockLagsHoldsTombstonesBackByItsClock() throws Exception {
        shards.write(A, tombstone("old", NOW.minus(Duration.ofHours(3)), "a-s0"));
        shards.pulled(B, A.id(), shards.lastXid(A) + 1, micros(NOW));
        shards.pulled(A, B.id(), 1, micros(NOW.minus(Duration.ofHours(4)))); // this side last heard of b 4 hours ago

        KvMaintenance.Round round = maintenance.runNow();

        assertThat(round.tombstonesRemoved()).isZero();
        assertThat(keysOf(A)).containsExactly("old (deleted)");
    }

    @Test
    void noTombstoneGoesWhileAPeerHasNeverPulled() throws Exception {
        shards.write(A, tombstone("old", NOW.minus(Duration.ofHours(3)), "a-s0"));

        KvMaintenance.Round round = maintenance.runNow();

        assertThat(keysOf(A)).containsExactly("old (deleted)");
        assertThat(round.problems()).anyMatch(p -> p.contains("a-s0: tombstones kept") && p.contains("have not both pulled"));
    }

    @Test
    void anUnreachablePeerIsReportedAndTheRestOfTheRoundRuns() throws Exception {
        shards.write(A, new KvRow("ns", "expired", "", ValueKind.BYTES, new byte[] {1}, new Version(micros(NOW.minus(Duration.ofHours(2))), "a-s0"),
                NOW.minus(Duration.ofHours(1))));
        shards.write(A, row("kept", "x", NOW.minus(Duration.ofHours(2)), "a-s0"));
        bothPulledEverything();
        shards.unreachable.add(B.id());

        KvMaintenance.Round round = maintenance.runNow();

        assertThat(round.expiredRemoved()).isEqualTo(1);
        assertThat(keysOf(A)).containsExactly("kept=x");
        assertThat(round.problems()).anyMatch(p -> p.contains("no digest comparison with b-s0") && p.contains("does not answer"));
    }
}
