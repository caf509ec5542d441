package dev.tusk.tracker.api;

import static dev.tusk.testing.TrackerHttp.announce;
import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static dev.tusk.testing.TrackerHttp.scrapeOne;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TrackerHttp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Announce, scrape and ping over HTTP as BitTorrent clients use them (BEP 3, 7, 23, 48). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackerProtocolIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @Test
    void aLeecherIsToldAboutTheSeederInCompactForm() {
        byte[] hash = randomBytes(20);
        Map<String, Object> first = announce(announceQuery(hash, randomBytes(20), 6001, 0, "compact=1&event=started"), "10.1.0.1");
        assertThat(first).containsEntry("complete", 1L).containsEntry("incomplete", 0L)
                .containsEntry("interval", 1800L).containsEntry("min interval", 900L);
        assertThat(first).doesNotContainKey("peers").doesNotContainKey("peers6");

        Map<String, Object> second = announce(announceQuery(hash, randomBytes(20), 6002, 100, "compact=1&numwant=50"), "10.1.0.2");
        assertThat(second).containsEntry("complete", 1L).containsEntry("incomplete", 1L);
        assertThat((byte[]) second.get("peers")).containsExactly(10, 1, 0, 1, 0x17, 0x71);
    }

    @Test
    void ipv6PeersGoToPeers6AndOwnFamilyComesFirst() {
        byte[] hash = randomBytes(20);
        announce(announceQuery(hash, randomBytes(20), 7001, 0, ""), "2001:db8::1");
        announce(announceQuery(hash, randomBytes(20), 7002, 0, ""), "10.2.0.1");
        Map<String, Object> reply = announce(announceQuery(hash, randomBytes(20), 7003, 5, "numwant=1"), "2001:db8::2");
        byte[] peers6 = (byte[]) reply.get("peers6");
        assertThat(peers6).hasSize(18);
        assertThat(Arrays.copyOfRange(peers6, 16, 18)).containsExactly(0x1b, 0x59);
        assertThat(reply).as("numwant=1 was filled by the own family").doesNotContainKey("peers");

        // the seeder and the earlier leecher of its family, then the IPv4 seeder
        Map<String, Object> both = announce(announceQuery(hash, randomBytes(20), 7004, 5, ""), "2001:db8::3");
        assertThat((byte[]) both.get("peers6")).hasSize(36);
        assertThat((byte[]) both.get("peers")).hasSize(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void nonCompactRepliesListPeersAsDictionaries() {
        byte[] hash = randomBytes(20);
        byte[] seederId = "-TR3000-seeder000001".getBytes(StandardCharsets.US_ASCII);
        announce(announceQuery(hash, seederId, 8001, 0, ""), "10.3.0.1");
        Map<String, Object> reply = announce(announceQuery(hash, randomBytes(20), 8002, 1, "compact=0"), "10.3.0.2");
        List<Object> peers = (List<Object>) reply.get("peers");
        assertThat(peers).hasSize(1);
        Map<String, Object> p = (Map<String, Object>) peers.get(0);
        assertThat(Bdecoder.string(p.get("ip"))).isEqualTo("10.3.0.1");
        assertThat(p.get("port")).isEqualTo(8001L);
        assertThat((byte[]) p.get("peer id")).isEqualTo(seederId);

        Map<String, Object> noId = announce(announceQuery(hash, randomBytes(20), 8003, 1, "compact=0&no_peer_id=1"), "10.3.0.3");
        assertThat((List<Object>) noId.get("peers")).allSatisfy(d -> assertThat((Map<String, Object>) d).doesNotContainKey("peer id"));
    }

    @Test
    void aSeederGetsLeechersOnlyAndNeverItself() {
        byte[] hash = randomBytes(20);
        byte[] me = randomBytes(20);
        announce(announceQuery(hash, randomBytes(20), 9001, 0, ""), "10.4.0.1");
        announce(announceQuery(hash, randomBytes(20), 9002, 10, ""), "10.4.0.2");
        Map<String, Object> reply = announce(announceQuery(hash, me, 9003, 0, ""), "10.4.0.3");
        assertThat((byte[]) reply.get("peers")).containsExactly(10, 4, 0, 2, 0x23, 0x2a);
    }

    @Test
    void numwantZeroReturnsNoPeersAndHugeNumwantIsClamped() {
        byte[] hash = randomBytes(20);
        for (int i = 1; i <= 3; i++) {
            announce(announceQuery(hash, randomBytes(20), 10000 + i, 0, ""), "10.5.0." + i);
        }
        Map<String, Object> none = announce(announceQuery(hash, randomBytes(20), 10010, 1, "numwant=0"), "10.5.0.10");
        assertThat(none).doesNotContainKey("peers").containsEntry("complete", 3L);
        Map<String, Object> all = announce(announceQuery(hash, randomBytes(20), 10011, 1, "numwant=99999999999"), "10.5.0.11");
        // three seeders and the leecher that asked for none: everyone but the announcer
        assertThat((byte[]) all.get("peers")).hasSize(24);
    }

    @Test
    void completedGraduatesAndCountsAndStoppedRemoves() {
        byte[] hash = randomBytes(20);
        byte[] id = randomBytes(20);
        announce(announceQuery(hash, id, 11001, 500, "event=started"), "10.6.0.1");
        assertThat(scrapeOne(hash)).containsEntry("complete", 0L).containsEntry("incomplete", 1L).containsEntry("downloaded", 0L);
        announce(announceQuery(hash, id, 11001, 0, "event=completed"), "10.6.0.1");
        assertThat(scrapeOne(hash)).containsEntry("complete", 1L).containsEntry("incomplete", 0L).containsEntry("downloaded", 1L);
        announce(announceQuery(hash, id, 11001, 0, "event=stopped&numwant=0"), "10.6.0.1");
        assertThat(scrapeOne(hash)).containsEntry("complete", 0L).containsEntry("incomplete", 0L).containsEntry("downloaded", 1L);
    }

    @Test
    void stoppedFromAnUnknownPeerIsNotAnError() {
        Map<String, Object> reply = announce(announceQuery(randomBytes(20), randomBytes(20), 12001, 0, "event=stopped"), "10.7.0.1");
        assertThat(reply).doesNotContainKey("failure reason").containsEntry("complete", 0L);
    }

    @Test
    void hexAndV2InfoHashesAreAccepted() {
        byte[] hash = randomBytes(20);
        String hex = HexFormat.of().formatHex(hash);
        announce("info_hash=" + hex + "&peer_id=" + RawHttp.percentEncode(randomBytes(20))
                + "&port=13001&uploaded=0&downloaded=0&left=0", "10.8.0.1");
        assertThat(scrapeOne(hash)).containsEntry("complete", 1L);

        byte[] v2 = randomBytes(32);
        announce(announceQuery(v2, randomBytes(20), 13002, 0, ""), "10.8.0.2");
        assertThat(scrapeOne(v2)).containsEntry("complete", 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapeReportsManyHashesAndZerosForUnknownOnes() {
        byte[] known = randomBytes(20);
        byte[] unknown = randomBytes(20);
        announce(announceQuery(known, randomBytes(20), 14001, 3, ""), "10.9.0.1");
        Map<String, Object> files = (Map<String, Object>) TrackerHttp.get("/scrape?info_hash=" + RawHttp.percentEncode(known)
                + "&info_hash=" + RawHttp.percentEncode(unknown).toLowerCase()).get("files");
        assertThat(files).hasSize(2);
        assertThat((Map<String, Object>) files.get(new String(known, StandardCharsets.ISO_8859_1)))
                .containsEntry("incomplete", 1L).containsEntry("complete", 0L);
        assertThat((Map<String, Object>) files.get(new String(unknown, StandardCharsets.ISO_8859_1)))
                .containsEntry("complete", 0L).containsEntry("incomplete", 0L).containsEntry("downloaded", 0L);
    }

    @Test
    void pingAnswersWhileTheStoreDoes() {
        RawHttp.Reply reply = RawHttp.get(TrackerHttp.PORT, "/ping");
        assertThat(reply.status()).isEqualTo(200);
    }
}
