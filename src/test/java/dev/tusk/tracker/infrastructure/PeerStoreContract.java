package dev.tusk.tracker.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one contract of the tracker's stores, run inside the server against each store
 * (PostgresPeerStoreIT, RedisPeerStoreIT): the same operations must mean the same on both.
 */
public abstract class PeerStoreContract {

    protected abstract PeerStore store();

    /** The same store, as operators and timers use it. */
    protected abstract StoreMaintenance maintenance();

    protected abstract DataStore data();

    /** Makes the peer look last seen at {@code when}, as only the store itself can. */
    protected abstract void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) throws Exception;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Older than anything a real peer or an earlier test run leaves behind. */
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private static InfoHash newHash() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return InfoHash.of(b);
    }

    private static Peer peer(String address, int port) throws Exception {
        byte[] id = new byte[20];
        RANDOM.nextBytes(id);
        return new Peer(PeerId.of(id), InetAddress.getByName(address), port);
    }

    @Test
    void putSeederAndLeecherShowInScrapeAndAnnounce() throws Exception {
        InfoHash h = newHash();
        Peer seeder = peer("10.0.0.1", 1001);
        Peer leecher = peer("10.0.0.2", 1002);
        store().putSeeder(h, seeder);
        store().putLeecher(h, leecher);
        store().putLeecher(h, leecher); // a re-announce refreshes, never duplicates

        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(1, 1, 0));
        assertThat(store().announcePeers(h, false, 50, false)).containsExactly(seeder, leecher);
        assertThat(store().announcePeers(h, true, 50, false)).containsExactly(leecher);
        assertThat(store().announcePeers(h, false, 50, true)).isEmpty();
    }

    @Test
    void scrapingSeveralSwarmsAnswersEachOnceInOrder() throws Exception {
        InfoHash busy = newHash();
        InfoHash unknown = newHash();
        InfoHash quiet = newHash();
        store().putSeeder(busy, peer("10.0.4.1", 1));
        store().putLeecher(busy, peer("10.0.4.2", 2));
        store().graduateLeecher(busy, peer("10.0.4.3", 3));
        store().putLeecher(quiet, peer("2001:db8::41", 4));

        Map<InfoHash, SwarmCounts> counts = store().scrapeSwarms(List.of(busy, unknown, busy, quiet));
        assertThat(counts.keySet()).containsExactly(busy, unknown, quiet);
        assertThat(counts.get(busy)).isEqualTo(new SwarmCounts(2, 1, 1));
        assertThat(counts.get(unknown)).isEqualTo(SwarmCounts.EMPTY);
        assertThat(counts.get(quiet)).isEqualTo(new SwarmCounts(0, 1, 0));
        assertThat(store().scrapeSwarms(List.of())).isEmpty();
    }

    @Test
    void familiesAreKeptApart() throws Exception {
        InfoHash h = newHash();
        Peer v4 = peer("10.0.0.1", 1);
        Peer v6 = peer("2001:db8::1", 2);
        store().putSeeder(h, v4);
        store().putSeeder(h, v6);
        assertThat(store().announcePeers(h, false, 50, false)).containsExactly(v4);
        assertThat(store().announcePeers(h, false, 50, true)).containsExactly(v6);
    }

    @Test
    void anAnnounceFillsFromTheOtherFamilyOnlyWhenItsOwnFallsShort() throws Exception {
        InfoHash h = newHash();
        Peer v4Seeder = peer("10.0.3.1", 1);
        Peer v6Seeder = peer("2001:db8::31", 2);
        Peer v6Leecher = peer("2001:db8::32", 3);
        store().putSeeder(h, v4Seeder);
        store().putSeeder(h, v6Seeder);
        store().putLeecher(h, v6Leecher);

        Peer leecher = peer("10.0.3.9", 9);
        AnnounceOutcome asLeecher = store().announce(h, leecher, SwarmChange.PUT_LEECHER, 50);
        assertThat(asLeecher.peers()).as("own family first, then the other's seeders and leechers")
                .containsExactly(v4Seeder, v6Seeder, v6Leecher);
        assertThat(asLeecher.swarm()).isEqualTo(new SwarmCounts(2, 2, 0));
        assertThat(store().announce(h, peer("10.0.3.10", 10), SwarmChange.PUT_SEEDER, 50).peers())
                .as("a seeder gets the leechers of both families").containsExactlyInAnyOrder(leecher, v6Leecher);
        // Which of the own family's two seeders (v4Seeder, 10.0.3.10) a store picks is its choice.
        assertThat(store().announce(h, peer("10.0.3.11", 11), SwarmChange.PUT_LEECHER, 1).peers())
                .as("numWant filled by the own family's seeders").singleElement()
                .matches(p -> !p.isV6() && p.address().getHostAddress().matches("10\\.0\\.3\\.(1|10)"));

        InfoHash ownFamilyOnly = newHash();
        store().putSeeder(ownFamilyOnly, v4Seeder);
        AnnounceOutcome alone = store().announce(ownFamilyOnly, leecher, SwarmChange.PUT_LEECHER, 50);
        assertThat(alone.peers()).containsExactly(v4Seeder);
        assertThat(alone.swarm()).isEqualTo(new SwarmCounts(1, 1, 0));
    }

    @Test
    void numWantLimitsAndZeroReturnsNothing() throws Exception {
        InfoHash h = newHash();
        for (int i = 0; i < 5; i++) {
            store().putSeeder(h, peer("10.0.1." + i, 2000 + i));
            store().putLeecher(h, peer("10.0.2." + i, 3000 + i));
        }
        assertThat(store().announcePeers(h, false, 0, false)).isEmpty();
        assertThat(store().announcePeers(h, false, 3, false)).hasSize(3);
        // seeders first, then leechers to fill numWant
        List<Peer> seven = store().announcePeers(h, false, 7, false);
        assertThat(seven).hasSize(7);
        assertThat(seven.subList(0, 5)).allMatch(p -> p.address().getHostAddress().startsWith("10.0.1."));
        assertThat(store().announcePeers(h, false, 500, false)).hasSize(10);
    }

    @Test
    void deleteReportsWhetherThePeerExisted() throws Exception {
        InfoHash h = newHash();
        Peer p = peer("10.0.0.3", 1003);
        assertThat(store().deleteSeeder(h, p)).isFalse();
        assertThat(store().deleteLeecher(h, p)).isFalse();
        store().putLeecher(h, p);
        assertThat(store().deleteSeeder(h, p)).as("a leecher is not deleted as a seeder").isFalse();
        assertThat(store().deleteLeecher(h, p)).isTrue();
        assertThat(store().scrapeSwarm(h)).isEqualTo(SwarmCounts.EMPTY);
    }

    @Test
    void graduateTurnsALeecherIntoASeederAndCountsTheDownload() throws Exception {
        InfoHash h = newHash();
        Peer p = peer("10.0.0.4", 1004);
        Peer other = peer("10.0.0.5", 1005);
        store().putLeecher(h, p);
        store().putLeecher(h, other);
        store().graduateLeecher(h, p);
        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(1, 1, 1));
        // only the graduated peer changed (seed 000's typo would have graduated both)
        assertThat(store().announcePeers(h, true, 50, false)).containsExactly(other);
    }

    @Test
    void graduatingAnAbsentPeerAddsItAsSeeder() throws Exception {
        InfoHash h = newHash();
        Peer p = peer("2001:db8::4", 1006);
        store().graduateLeecher(h, p);
        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(1, 0, 1));
        assertThat(store().announcePeers(h, false, 50, true)).containsExactly(p);
    }

    @Test
    void garbageCollectionRemovesExactlyThePeersOlderThanTheCutoff() throws Exception {
        InfoHash h = newHash();
        Peer stale1 = peer("10.0.0.6", 1);
        Peer stale2 = peer("2001:db8::6", 2);
        Peer fresh = peer("10.0.0.7", 3);
        store().putSeeder(h, stale1);
        store().putLeecher(h, stale2);
        store().putLeecher(h, fresh);
        lastSeen(h, stale1, true, LONG_AGO);
        lastSeen(h, stale2, false, LONG_AGO);
        long removed = maintenance().collectGarbage(LONG_AGO.plus(1, ChronoUnit.DAYS));
        assertThat(removed).isEqualTo(2);
        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(0, 1, 0));
        assertThat(store().announcePeers(h, false, 50, false)).containsExactly(fresh);
    }

    @Test
    void statisticsCountInfoHashesSeedersAndLeechers() throws Exception {
        StoreStatistics before = maintenance().statistics();
        InfoHash h1 = newHash();
        InfoHash h2 = newHash();
        store().putSeeder(h1, peer("10.0.0.8", 1));
        store().putLeecher(h1, peer("10.0.0.9", 2));
        store().putLeecher(h2, peer("2001:db8::9", 3));
        StoreStatistics after = maintenance().statistics();
        assertThat(after.infoHashes() - before.infoHashes()).isEqualTo(2);
        assertThat(after.seeders() - before.seeders()).isEqualTo(1);
        assertThat(after.leechers() - before.leechers()).isEqualTo(2);
    }

    @Test
    void aPeerThatChangesRoleIsCountedOnce() throws Exception {
        InfoHash h = newHash();
        Peer p = peer("10.0.0.10", 1010);
        store().putLeecher(h, p);
        store().putSeeder(h, p);
        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(1, 0, 0));
        store().putLeecher(h, p);
        assertThat(store().scrapeSwarm(h)).isEqualTo(new SwarmCounts(0, 1, 0));
    }

    @Test
    void countersStayExactUnderReannouncesGraduationDeletesAndGc() throws Exception {
        StoreStatistics before = maintenance().statistics();
        InfoHash h = newHash();
        Peer a = peer("10.0.0.11", 1);
        Peer b = peer("2001:db8::11", 2);
        for (int i = 0; i < 3; i++) {
            store().putLeecher(h, a);
            store().putLeecher(h, b);
        }
        store().graduateLeecher(h, a);
        store().graduateLeecher(h, a);
        store().deleteLeecher(h, b);
        store().deleteLeecher(h, b);
        StoreStatistics after = maintenance().statistics();
        assertThat(after.seeders() - before.seeders()).isEqualTo(1);
        assertThat(after.leechers() - before.leechers()).isZero();
        lastSeen(h, a, true, LONG_AGO);
        maintenance().collectGarbage(LONG_AGO.plus(1, ChronoUnit.DAYS));
        StoreStatistics collected = maintenance().statistics();
        assertThat(collected.seeders()).isEqualTo(before.seeders());
        assertThat(collected.infoHashes()).isEqualTo(before.infoHashes());
    }

    @Test
    void pingAnswers() {
        maintenance().ping();
    }

    @Test
    void dataStorePutGetContainsDeleteOfManyKeys() {
        String ctx = "TEST_" + RANDOM.nextInt(1_000_000);
        ByteKey a = ByteKey.of(new byte[] {0, 1, (byte) 0xff});
        ByteKey b = ByteKey.of("b".getBytes(StandardCharsets.UTF_8));
        ByteKey c = ByteKey.of("c".getBytes(StandardCharsets.UTF_8));
        Map<ByteKey, byte[]> entries = new LinkedHashMap<>();
        entries.put(a, "1".getBytes(StandardCharsets.UTF_8));
        entries.put(b, "2".getBytes(StandardCharsets.UTF_8));
        entries.put(c, "3".getBytes(StandardCharsets.UTF_8));
        data().put(ctx, entries);
        assertThat(data().get(ctx, a)).hasValueSatisfying(v -> assertThat(v).isEqualTo("1".getBytes(StandardCharsets.UTF_8)));
        assertThat(data().contains(ctx, b)).isTrue();
        assertThat(data().contains("OTHER_" + ctx, b)).as("contexts are separate").isFalse();

        data().put(ctx, Map.of(a, "one".getBytes(StandardCharsets.UTF_8)));
        assertThat(data().get(ctx, a)).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("one"));

        data().delete(ctx, a, b, ByteKey.of(new byte[] {9}));
        assertThat(data().contains(ctx, a)).isFalse();
        assertThat(data().contains(ctx, b)).isFalse();
        assertThat(data().get(ctx, c)).isPresent();
    }
}
