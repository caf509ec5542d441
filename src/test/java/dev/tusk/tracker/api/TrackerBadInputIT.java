package dev.tusk.tracker.api;

import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every malformed request gets HTTP 200 with a bencoded failure reason, and writes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackerBadInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static final byte[] HASH = randomBytes(20);
    private static final String PEER = RawHttp.percentEncode(randomBytes(20));
    private static final String INFO = RawHttp.percentEncode(HASH);

    /** The reply is a bencoded failure whose reason contains {@code expected}. */
    private static void assertRefused(String query, String expected) throws Exception {
        RawHttp.Reply reply = RawHttp.get(TrackerHttp.PORT, "/announce?" + query);
        assertThat(reply.status()).as(query).isEqualTo(200);
        Map<String, Object> body = Bdecoder.dict(reply.body());
        assertThat(body).as(query).containsOnlyKeys("failure reason");
        assertThat(Bdecoder.string(body.get("failure reason"))).as(query).contains(expected);
        assertNothingStoredFor(HASH);
    }

    /** Not in the swarm served from memory (the only state an announce touches), nor in the store. */
    private static void assertNothingStoredFor(byte[] hash) throws Exception {
        Map<String, Object> counts = TrackerHttp.scrapeOne(hash);
        assertThat(counts).as("the swarm after a refused request").containsEntry("complete", 0L).containsEntry("incomplete", 0L);
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mo_peers WHERE info_hash = ?")) {
            ps.setBytes(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("rows written for a refused request").isZero();
            }
        }
    }

    private static String valid(String without, String with) {
        String q = "info_hash=" + INFO + "&peer_id=" + PEER + "&port=6881&uploaded=0&downloaded=0&left=10&event=started";
        String stripped = q.replaceAll("(^|&)" + without + "=[^&]*", "");
        return stripped + (with.isEmpty() ? "" : "&" + with);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing info_hash        | info_hash |                              | info_hash is required",
        "short info_hash          | info_hash | info_hash=%01%02%03           | info_hash must be 20 or 32 bytes",
        "long info_hash           | info_hash | info_hash=" + "%01%02%03%04%05%06%07%08%09%10%11%12%13%14%15%16%17%18%19%20%21 | info_hash must be 20 or 32 bytes",
        "missing peer_id          | peer_id   |                              | peer_id is required",
        "short peer_id            | peer_id   | peer_id=abc                  | peer_id must be 20 bytes",
        "port zero                | port      | port=0                       | port must be 1 to 65535",
        "port too large           | port      | port=65536                   | port must be 1 to 65535",
        "port not a number        | port      | port=http                    | port must be a non-negative integer",
        "missing port             | port      |                              | port is required",
        "negative uploaded        | uploaded  | uploaded=-1                  | uploaded must be a non-negative integer",
        "non-numeric downloaded   | downloaded| downloaded=lots              | downloaded must be a non-negative integer",
        "negative left            | left      | left=-5                      | left must be a non-negative integer",
        "missing left             | left      |                              | left is required",
        "unknown event            | event     | event=exploded               | unknown event",
        "negative numwant         | numwant   | numwant=-1                   | numwant must be a non-negative integer",
        "non-numeric numwant      | numwant   | numwant=many                 | numwant must be a non-negative integer",
        "port above 2^63          | port      | port=9300000000000000000     | port is out of range",
        "uploaded above 2^63      | uploaded  | uploaded=9223372036854775808 | uploaded is out of range",
        "left above 2^63          | left      | left=9999999999999999999     | left is out of range",
        "numwant above 2^63       | numwant   | numwant=9300000000000000000  | numwant is out of range",
    })
    void refusedWithAReasonAndNothingWritten(String name, String without, String with, String reason) throws Exception {
        assertRefused(valid(without, with == null ? "" : with), reason);
    }

    @Test
    void badPercentEncodingIsRefused() throws Exception {
        assertRefused(valid("info_hash", "info_hash=%G1%02"), "malformed query");
        assertRefused(valid("peer_id", "peer_id=abc%2"), "malformed query");
    }

    @Test
    void tooManyInfoHashesInAScrapeAreRefused() {
        StringBuilder q = new StringBuilder("/scrape?");
        for (int i = 0; i < 51; i++) {
            q.append(i == 0 ? "" : "&").append("info_hash=").append(RawHttp.percentEncode(randomBytes(20)));
        }
        Map<String, Object> body = Bdecoder.dict(RawHttp.get(TrackerHttp.PORT, q.toString()).body());
        assertThat(Bdecoder.string(body.get("failure reason"))).contains("too many info hashes");
    }

    @Test
    void aScrapeWithoutInfoHashOrWithABadOneIsRefused() {
        assertThat(Bdecoder.string(TrackerHttp.get("/scrape").get("failure reason"))).contains("info_hash is required");
        assertThat(Bdecoder.string(TrackerHttp.get("/scrape?info_hash=%01").get("failure reason"))).contains("info_hash must be");
    }

    @Test
    void ipParametersAreIgnoredWithoutSpoofing() throws Exception {
        byte[] hash = randomBytes(20);
        TrackerHttp.announce(announceQuery(hash, randomBytes(20), 6881, 0, "ip=8.8.8.8"), "10.10.0.1");
        // written behind: in the store within the flush interval
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Connection c = TestDatabase.connect();
                    PreparedStatement ps = c.prepareStatement("SELECT host(address) FROM mo_peers WHERE info_hash = ?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("10.10.0.1");
                }
            }
        });
    }
}
