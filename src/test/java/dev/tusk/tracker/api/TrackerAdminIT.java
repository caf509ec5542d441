package dev.tusk.tracker.api;

import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TrackerHttp;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operators' endpoints: authentication, the approval list (the test server runs in
 * blacklist mode) and the swarm view.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackerAdminIT {
    private static final String APPROVAL = "/api/admin/tracker/approval";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static RawHttp.Reply admin(String method, String path) {
        return RawHttp.request(TrackerHttp.PORT, method, path, null, AdminCredentials.header());
    }

    @Test
    void adminEndpointsNeedTheAdminPassword() {
        assertThat(RawHttp.get(TrackerHttp.PORT, APPROVAL).status()).isEqualTo(401);
        assertThat(RawHttp.get(TrackerHttp.PORT, APPROVAL, RawHttp.basicAuth("admin", "wrong")).status()).isEqualTo(401);
        assertThat(admin("GET", APPROVAL).status()).isEqualTo(200);
    }

    @Test
    void aBlacklistedTorrentIsRefusedUntilItIsRemovedFromTheList() {
        byte[] hash = randomBytes(20);
        String hex = HexFormat.of().formatHex(hash);
        assertThat(admin("PUT", APPROVAL + "/" + hex).status()).isEqualTo(204);
        assertThat(admin("GET", APPROVAL + "/" + hex).status()).isEqualTo(204);
        assertThat(admin("GET", APPROVAL).text()).contains("\"mode\":\"blacklist\"").contains(hex);

        Map<String, Object> refused = Bdecoder.dict(RawHttp.get(TrackerHttp.PORT,
                "/announce?" + announceQuery(hash, randomBytes(20), 6881, 0, "")).body());
        assertThat(Bdecoder.string(refused.get("failure reason"))).isEqualTo("unapproved torrent");
        assertThat(TrackerHttp.scrapeOne(hash)).containsEntry("complete", 0L);

        assertThat(admin("DELETE", APPROVAL + "/" + hex).status()).isEqualTo(204);
        assertThat(admin("GET", APPROVAL + "/" + hex).status()).isEqualTo(404);
        Map<String, Object> allowed = TrackerHttp.announce(announceQuery(hash, randomBytes(20), 6881, 0, ""), "10.20.0.1");
        assertThat(allowed).doesNotContainKey("failure reason").containsEntry("complete", 1L);
    }

    @Test
    void manyHashesAtOnceFromAJsonBody() {
        String a = HexFormat.of().formatHex(randomBytes(20));
        String b = HexFormat.of().formatHex(randomBytes(32));
        byte[] body = ("{\"infoHashes\":[\"" + a + "\",\"" + b + "\"]}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply = RawHttp.request(TrackerHttp.PORT, "POST", APPROVAL, body, AdminCredentials.header(),
                "Content-Type: application/json");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(admin("GET", APPROVAL).text()).contains(a).contains(b);
    }

    @Test
    void badInputGetsAProblemBody() {
        RawHttp.Reply badHash = admin("PUT", APPROVAL + "/not-a-hash");
        assertThat(badHash.status()).isEqualTo(400);
        assertThat(badHash.text()).contains("\"status\":400").contains("40 or 64 hexadecimal");

        RawHttp.Reply badLimit = admin("GET", APPROVAL + "?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.text()).contains("limit");

        RawHttp.Reply emptyBatch = RawHttp.request(TrackerHttp.PORT, "POST", APPROVAL,
                "{\"infoHashes\":[]}".getBytes(StandardCharsets.UTF_8), AdminCredentials.header(), "Content-Type: application/json");
        assertThat(emptyBatch.status()).isEqualTo(400);

        RawHttp.Reply notJson = RawHttp.request(TrackerHttp.PORT, "POST", APPROVAL,
                "{nope".getBytes(StandardCharsets.UTF_8), AdminCredentials.header(), "Content-Type: application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text()).doesNotContain("Exception");
    }

    @Test
    void theSwarmViewListsPeersWithCounts() {
        byte[] hash = randomBytes(20);
        TrackerHttp.announce(announceQuery(hash, randomBytes(20), 7777, 0, ""), "10.21.0.1");
        TrackerHttp.announce(announceQuery(hash, randomBytes(20), 7778, 9, ""), "2001:db8::21");
        RawHttp.Reply reply = admin("GET", "/api/admin/tracker/swarms/" + HexFormat.of().formatHex(hash));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("\"seeders\":1").contains("\"leechers\":1")
                .contains("\"address\":\"10.21.0.1\"").contains("\"port\":7778").contains("2001:db8");
    }

    @Test
    void aGcRunRemovesStalePeersFromTheStoreAndFromMemory() throws Exception {
        byte[] hash = randomBytes(20);
        TrackerHttp.announce(announceQuery(hash, randomBytes(20), 7781, 0, ""), "10.22.0.1");
        byte[] staleId = randomBytes(20);
        try (java.sql.Connection c = dev.tusk.testing.TestDatabase.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO mo_peers VALUES (?, ?, '10.22.0.2', 7782, false, false, now() AT TIME ZONE 'UTC' - interval '2 hours')")) {
            ps.setBytes(1, hash);
            ps.setBytes(2, staleId);
            ps.executeUpdate();
        }
        RawHttp.Reply reply = admin("POST", "/api/admin/tracker/gc");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).containsPattern("\"removed\":[1-9]");
        try (java.sql.Connection c = dev.tusk.testing.TestDatabase.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM mo_peers WHERE info_hash = ? AND peer_id = ?")) {
            ps.setBytes(1, hash);
            ps.setBytes(2, staleId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("the stale row").isZero();
            }
        }
        assertThat(TrackerHttp.scrapeOne(hash)).as("the fresh peer stays").containsEntry("complete", 1L).containsEntry("incomplete", 0L);
        assertThat(RawHttp.request(TrackerHttp.PORT, "POST", "/api/admin/tracker/gc", null).status()).isEqualTo(401);
    }
}
