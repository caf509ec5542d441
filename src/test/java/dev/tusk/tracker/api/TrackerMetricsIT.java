package dev.tusk.tracker.api;

import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.ServerMetrics;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** MoChi's storage gauges and Tusk's request metrics, as Prometheus scrapes them from :9990/metrics. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackerMetricsIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static double http(Map<String, Double> values, String action, String outcome) {
        return ServerMetrics.value(values, "tusk_tracker_requests_seconds_count", "protocol=\"http\"", action, outcome);
    }

    private static long[] tableCounts() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(DISTINCT info_hash), count(*) FILTER (WHERE is_seeder),"
                        + " count(*) FILTER (WHERE NOT is_seeder) FROM mo_peers")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    @Test
    void storageGaugesMatchTheTable() throws Exception {
        byte[] a = randomBytes(20);
        byte[] b = randomBytes(20);
        TrackerHttp.announce(announceQuery(a, randomBytes(20), 1, 0, ""), "10.30.0.1");
        TrackerHttp.announce(announceQuery(a, randomBytes(20), 2, 5, ""), "10.30.0.2");
        TrackerHttp.announce(announceQuery(b, randomBytes(20), 3, 5, ""), "2001:db8::30");
        // The announces reach the table within the flush interval; the gauges follow the table.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long[] table = tableCounts();
            assertThat(table[0]).isGreaterThanOrEqualTo(2);
            Map<String, Double> m = ServerMetrics.scrape();
            assertThat(ServerMetrics.value(m, "mochi_storage_infohashes_count")).isEqualTo((double) table[0]);
            assertThat(ServerMetrics.value(m, "mochi_storage_seeders_count")).isEqualTo((double) table[1]);
            assertThat(ServerMetrics.value(m, "mochi_storage_leechers_count")).isEqualTo((double) table[2]);
        });
        assertThat(ServerMetrics.scrape()).containsKey("mochi_storage_gc_duration_milliseconds_count{WF_DEPLOYMENT=\"tusk.war\"}");
    }

    @Test
    void requestsAreCountedByActionAndOutcome() {
        Map<String, Double> before = ServerMetrics.scrape();
        double ok = http(before, "action=\"announce\"", "outcome=\"ok\"");
        double refused = http(before, "action=\"announce\"", "outcome=\"refused\"");
        double scrapes = http(before, "action=\"scrape\"", "outcome=\"ok\"");

        TrackerHttp.announce(announceQuery(randomBytes(20), randomBytes(20), 4, 0, ""), "10.30.0.4");
        TrackerHttp.announce(announceQuery(randomBytes(20), randomBytes(20), 5, 0, ""), "10.30.0.5");
        RawHttp.get(TrackerHttp.PORT, "/announce?port=0");
        TrackerHttp.scrapeOne(randomBytes(20));

        Map<String, Double> after = ServerMetrics.scrape();
        assertThat(http(after, "action=\"announce\"", "outcome=\"ok\"")).isEqualTo(ok + 2);
        assertThat(http(after, "action=\"announce\"", "outcome=\"refused\"")).isEqualTo(refused + 1);
        assertThat(http(after, "action=\"scrape\"", "outcome=\"ok\"")).isEqualTo(scrapes + 1);
        assertThat(ServerMetrics.value(after, "tusk_tracker_requests_seconds_sum", "protocol=\"http\"",
                "action=\"announce\"", "outcome=\"ok\"")).isPositive();
    }
}
