package dev.tusk.tracker.api.udp;

import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.ServerMetrics;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import dev.tusk.testing.TrackerUdp;
import dev.tusk.testing.TrackerUdp.Announced;
import dev.tusk.testing.TrackerUdp.Scraped;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * BEP 15 over real UDP against the test server (listening on 127.0.0.1:6969 and [::1]:6969 with
 * a known secret, so the test can make an expired connection id as the server would have).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UdpTrackerIT {
    private static final int SEEDER = 1;
    private static final int COMPLETED = 1;
    private static final int STARTED = 2;
    private static final int STOPPED = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @Test
    void connectThenAnnounceThenScrapeFromTheSameSwarmsAsHttp() throws Exception {
        byte[] hash = randomBytes(20);
        try (TrackerUdp udp = TrackerUdp.v4()) {
            long id = udp.connect();
            Announced seeder = udp.announce(id, hash, randomBytes(20), 0, STARTED, 50001);
            assertThat(seeder.seeders()).isEqualTo(1);
            assertThat(seeder.leechers()).isZero();
            assertThat(seeder.interval()).isEqualTo(1800);
            assertThat(seeder.peers()).as("a seeder is not handed seeders").isEmpty();

            byte[] leecherId = randomBytes(20);
            Announced leecher = udp.announce(id, hash, leecherId, 1000, STARTED, 50002);
            assertThat(leecher.seeders()).isEqualTo(1);
            assertThat(leecher.leechers()).isEqualTo(1);
            assertThat(leecher.peers()).containsExactly("127.0.0.1:50001");

            assertThat(udp.scrape(id, hash, randomBytes(20)))
                    .containsExactly(new Scraped(1, 0, 1), new Scraped(0, 0, 0));
            Map<String, Object> http = TrackerHttp.scrapeOne(hash);
            assertThat(http).containsEntry("complete", 1L).containsEntry("incomplete", 1L);

            udp.announce(id, hash, leecherId, 0, COMPLETED, 50002);
            assertThat(udp.scrape(id, hash)).containsExactly(new Scraped(2, 1, 0));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestDatabase.peerRows(hash) == 2);

            udp.announce(id, hash, leecherId, 0, STOPPED, 50002);
            assertThat(udp.scrape(id, hash)).containsExactly(new Scraped(1, 1, 0));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestDatabase.peerRows(hash) == 1);
        }
    }

    @Test
    void overIpv6PeersAreHandedOutIn18Bytes() {
        byte[] hash = randomBytes(20);
        try (TrackerUdp udp = TrackerUdp.v6()) {
            long id = udp.connect();
            udp.announce(id, hash, randomBytes(20), 0, STARTED, 50011);
            int tx = 42;
            ByteBuffer reply = udp.exchange(TrackerUdp.announcePacket(id, tx, hash, randomBytes(20), 500, STARTED, -1, 50012));
            Announced leecher = TrackerUdp.announced(reply, tx, 16);
            assertThat(leecher.peers()).containsExactly("0:0:0:0:0:0:0:1:50011");
        }
        try (TrackerUdp v4 = TrackerUdp.v4()) {
            Announced other = v4.announce(v4.connect(), hash, randomBytes(20), 500, STARTED, 50013);
            assertThat(other.seeders()).isEqualTo(1);
            assertThat(other.peers()).as("an IPv4 announcer gets IPv4 peers only").isEmpty();
        }
    }

    @Test
    void aConnectionIdFromAnotherAddressAnExpiredOneOrAForgedOneIsRefusedAndNothingIsWritten() throws Exception {
        byte[] hash = randomBytes(20);
        ConnectionIds serverIds = new ConnectionIds(TrackerUdp.SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        long window = System.currentTimeMillis() / ConnectionIds.WINDOW.toMillis();
        long expired = serverIds.idFor(loopback, window - ConnectionIds.WINDOWS_ACCEPTED);
        long fromElsewhere = serverIds.issue(InetAddress.getByName("192.0.2.1"));
        try (TrackerUdp udp = TrackerUdp.v4()) {
            long current = serverIds.idFor(loopback, window);
            assertThat(udp.connect()).as("the server's id is the one the test computes with its secret").isEqualTo(current);
            for (long bad : new long[] {expired, fromElsewhere, 0x5eed5eed5eedL}) {
                ByteBuffer reply = udp.exchange(TrackerUdp.announcePacket(bad, 7, hash, randomBytes(20), 0, STARTED, -1, 50021));
                assertThat(TrackerUdp.error(reply, 7)).isEqualTo("bad or expired connection id");
                ByteBuffer scrape = udp.exchange(TrackerUdp.scrapePacket(bad, 8, hash));
                assertThat(TrackerUdp.error(scrape, 8)).isEqualTo("bad or expired connection id");
            }
            assertThat(udp.scrape(udp.connect(), hash)).containsExactly(new Scraped(0, 0, 0));
        }
        Thread.sleep(300); // two flush intervals
        assertThat(TestDatabase.peerRows(hash)).isZero();
    }

    @Test
    void badRequestsGetAnErrorWithAClearMessage() {
        try (TrackerUdp udp = TrackerUdp.v4()) {
            long id = udp.connect();
            byte[] hash = randomBytes(20);
            ByteBuffer unknown = udp.exchange(ByteBuffer.allocate(16).putLong(id).putInt(9).putInt(1).array());
            assertThat(TrackerUdp.error(unknown, 1)).isEqualTo("unknown action 9");

            byte[] shortAnnounce = java.util.Arrays.copyOf(TrackerUdp.announcePacket(id, 2, hash, randomBytes(20), 0, 0, -1, 1), 97);
            assertThat(TrackerUdp.error(udp.exchange(shortAnnounce), 2)).contains("at least 98 bytes");

            ByteBuffer port0 = udp.exchange(TrackerUdp.announcePacket(id, 3, hash, randomBytes(20), 0, 0, -1, 0));
            assertThat(TrackerUdp.error(port0, 3)).isEqualTo("port must be 1 to 65535");

            ByteBuffer event = udp.exchange(TrackerUdp.announcePacket(id, 4, hash, randomBytes(20), 0, 7, -1, 1));
            assertThat(TrackerUdp.error(event, 4)).startsWith("unknown event 7");

            ByteBuffer negative = udp.exchange(TrackerUdp.announcePacket(id, 5, hash, randomBytes(20), -1, 0, -1, 1));
            assertThat(TrackerUdp.error(negative, 5)).contains("must not be negative");

            ByteBuffer empty = udp.exchange(ByteBuffer.allocate(16 + 19).putLong(id).putInt(2).putInt(6).array());
            assertThat(TrackerUdp.error(empty, 6)).contains("at least one info hash");

            byte[][] many = new byte[51][];
            java.util.Arrays.fill(many, hash);
            assertThat(TrackerUdp.error(udp.exchange(TrackerUdp.scrapePacket(id, 7, many)), 7))
                    .isEqualTo("too many info hashes: at most 50 a scrape");

            assertThat(udp.scrape(id, hash)).as("none of these wrote anything").containsExactly(new Scraped(0, 0, 0));
        }
    }

    @Test
    void packetsThatCannotBeAnsweredWithoutAmplificationGetNoAnswer() {
        try (TrackerUdp udp = TrackerUdp.v4()) {
            assertThat(udp.exchange(new byte[15], 500)).as("too short for a transaction id").isEmpty();
            assertThat(udp.exchange(new byte[0], 500)).isEmpty();
            byte[] wrongMagic = ByteBuffer.allocate(16).putLong(1).putInt(0).putInt(1).array();
            assertThat(udp.exchange(wrongMagic, 500)).as("an error would be longer than the 16 bytes sent").isEmpty();
            byte[] unconnectedAnnounceHeader = ByteBuffer.allocate(16).putLong(77).putInt(1).putInt(1).array();
            assertThat(udp.exchange(unconnectedAnnounceHeader, 500)).isEmpty();
            assertThat(udp.connect()).as("the socket answers on").isNotZero();
        }
    }

    @Test
    void numwantIsHonouredAndTheApprovalListAppliesAsOverHttp() {
        byte[] hash = randomBytes(20);
        try (TrackerUdp udp = TrackerUdp.v4()) {
            long id = udp.connect();
            for (int port = 50031; port <= 50033; port++) {
                udp.announce(id, hash, randomBytes(20), 0, STARTED, port);
            }
            ByteBuffer two = udp.exchange(TrackerUdp.announcePacket(id, 9, hash, randomBytes(20), 10, STARTED, 2, 50034));
            assertThat(TrackerUdp.announced(two, 9, 4).peers()).hasSize(2);

            byte[] listed = randomBytes(20);
            String path = "/api/admin/tracker/approval/" + HexFormat.of().formatHex(listed);
            assertThat(RawHttp.request(TrackerHttp.PORT, "PUT", path, null, AdminCredentials.header()).status()).isEqualTo(204);
            try {
                ByteBuffer refused = udp.exchange(TrackerUdp.announcePacket(id, 10, listed, randomBytes(20), 0, STARTED, -1, 50035));
                assertThat(TrackerUdp.error(refused, 10)).isEqualTo("unapproved torrent");
            } finally {
                RawHttp.request(TrackerHttp.PORT, "DELETE", path, null, AdminCredentials.header());
            }
        }
    }

    @Test
    void requestsAreCountedWithProtocolUdp() {
        Map<String, Double> before = ServerMetrics.scrape();
        try (TrackerUdp udp = TrackerUdp.v4()) {
            long id = udp.connect();
            udp.announce(id, randomBytes(20), randomBytes(20), 0, STARTED, 50041);
            udp.exchange(TrackerUdp.announcePacket(id, 1, randomBytes(20), randomBytes(20), 0, 0, -1, 0));
            udp.scrape(id, randomBytes(20));
        }
        Map<String, Double> after = ServerMetrics.scrape();
        for (List<String> counted : List.of(List.of("connect", "ok"), List.of("announce", "ok"),
                List.of("announce", "refused"), List.of("scrape", "ok"))) {
            String[] labels = {"protocol=\"udp\"", "action=\"" + counted.get(0) + "\"", "outcome=\"" + counted.get(1) + "\""};
            assertThat(ServerMetrics.value(after, "tusk_tracker_requests_seconds_count", labels)).as(counted.toString())
                    .isEqualTo(ServerMetrics.value(before, "tusk_tracker_requests_seconds_count", labels) + 1);
        }
    }
}
