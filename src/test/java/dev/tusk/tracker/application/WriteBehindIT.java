package dev.tusk.tracker.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.StoreOfRecord;
import dev.tusk.tracker.domain.StoredPeer;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.TrackerStore;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The swarm cache and its writer on the real server and PostgreSQL: announces reach mo_peers
 * within the flush interval, rows other nodes write are handed out within the refresh interval,
 * and counts and downloads stay exact through flushes and reloads.
 */
@ExtendWith(ArquillianExtension.class)
class WriteBehindIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(WriteBehindIT.class);
    }

    @Inject CachedPeerStore swarms;
    @Inject TrackerSettings settings;
    @Inject @StoreOfRecord TrackerStore storeOfRecord;
    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    private static InfoHash newHash() {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        return InfoHash.of(b);
    }

    private static Peer newPeer(String address) throws Exception {
        byte[] id = new byte[20];
        RANDOM.nextBytes(id);
        return new Peer(PeerId.of(id), InetAddress.getByName(address), 1024 + RANDOM.nextInt(60000));
    }

    private long rows(InfoHash h, String condition) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mo_peers WHERE info_hash = ? AND " + condition)) {
            ps.setBytes(1, h.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long downloads(InfoHash h) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(downloads), 0) FROM mo_downloads WHERE info_hash = ?")) {
            ps.setBytes(1, h.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void anAnnounceReachesMoPeersWithinTheFlushInterval() throws Exception {
        InfoHash h = newHash();
        Peer seeder = newPeer("10.50.0.1");
        Peer leecher = newPeer("2001:db8::50");
        long started = System.nanoTime();
        swarms.announce(h, seeder, SwarmChange.PUT_SEEDER, 50);
        swarms.announce(h, leecher, SwarmChange.PUT_LEECHER, 50);

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> rows(h, "is_seeder AND NOT is_v6") == 1 && rows(h, "NOT is_seeder AND is_v6") == 1);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("within a few flush intervals").isLessThan(settings.flushInterval().multipliedBy(10));
        assertThat(rows(h, "created > now() AT TIME ZONE 'UTC' - interval '1 minute'")).isEqualTo(2);

        swarms.announce(h, seeder, SwarmChange.REMOVE, 0);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rows(h, "true") == 1);
    }

    @Test
    void aPeerAnotherNodeWroteIsHandedOutWithinTheRefreshInterval() throws Exception {
        InfoHash h = newHash();
        Peer leecher = newPeer("10.51.0.1");
        assertThat(swarms.announce(h, leecher, SwarmChange.PUT_LEECHER, 50).peers()).isEmpty();
        Peer elsewhere = newPeer("10.51.0.2");
        insertAsAnotherNode(h, elsewhere);
        long started = System.nanoTime();
        Awaitility.await().atMost(settings.refreshInterval().multipliedBy(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> swarms.announce(h, leecher, SwarmChange.PUT_LEECHER, 50).peers().contains(elsewhere));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(settings.refreshInterval().plus(settings.flushInterval()).plusSeconds(1));
        assertThat(swarms.scrapeSwarm(h)).isEqualTo(new SwarmCounts(1, 1, 0));
    }

    /** A seeder written straight into mo_peers, as another node or MoChi would. */
    private void insertAsAnotherNode(InfoHash h, Peer peer) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mo_peers VALUES (?, ?, CAST(? AS inet), ?, true, false, ?)")) {
            ps.setBytes(1, h.bytes());
            ps.setBytes(2, peer.id().bytes());
            ps.setString(3, peer.address().getHostAddress());
            ps.setInt(4, peer.port());
            ps.setObject(5, LocalDateTime.now(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    @Test
    void theRefreshReadsBackOtherWritersRowsButNotThisNodesOwn() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        InfoHash h = newHash();
        Peer mine = newPeer("10.52.0.1");
        swarms.announce(h, mine, SwarmChange.PUT_LEECHER, 50);
        Peer theirs = newPeer("10.52.0.2");
        insertAsAnotherNode(h, theirs);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rows(h, "true") + rows(h, "false") == 2);

        List<Peer> readBack = storeOfRecord.changesSince(since, List.of()).stream()
                .filter(snapshot -> snapshot.infoHash().equals(h))
                .flatMap(snapshot -> snapshot.peers().stream()).map(StoredPeer::peer).toList();
        assertThat(readBack).as("this node's flush is skipped, the other writer's row is read").containsExactly(theirs);
    }

    @Test
    void countsAndDownloadsStayExactThroughFlushesAndReloads() throws Exception {
        InfoHash h = newHash();
        List<Peer> peers = List.of(newPeer("10.52.0.1"), newPeer("10.52.0.2"), newPeer("2001:db8::52"), newPeer("10.52.0.4"));
        for (Peer p : peers) {
            swarms.announce(h, p, SwarmChange.PUT_LEECHER, 50);
        }
        swarms.announce(h, peers.get(0), SwarmChange.GRADUATE, 50);
        swarms.flush();
        swarms.announce(h, peers.get(1), SwarmChange.GRADUATE, 50);
        swarms.announce(h, peers.get(1), SwarmChange.GRADUATE, 50);
        swarms.announce(h, peers.get(3), SwarmChange.REMOVE, 0);
        SwarmCounts expected = new SwarmCounts(2, 1, 3);
        assertThat(swarms.scrapeSwarm(h)).isEqualTo(expected);

        swarms.forget(h);
        assertThat(swarms.scrapeSwarm(h)).as("reloaded with the changes not yet written").isEqualTo(expected);
        swarms.flush();
        assertThat(downloads(h)).isEqualTo(3);
        assertThat(rows(h, "is_seeder")).isEqualTo(2);
        assertThat(rows(h, "NOT is_seeder")).isEqualTo(1);
        swarms.forget(h);
        assertThat(swarms.scrapeSwarm(h)).as("reloaded from the store alone").isEqualTo(expected);
    }
}
