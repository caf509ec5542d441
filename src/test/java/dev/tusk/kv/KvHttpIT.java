package dev.tusk.kv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The KV store over HTTP: clients' /kv and operators' /api/admin/kv, with their errors as problems. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KvHttpIT {
    private static final int PORT = 8080;
    private static final String ADMIN = "/api/admin/kv";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RawHttp.Reply admin(String method, String path, String json) {
        return KvParade.admin(method, path, json);
    }

    private static RawHttp.Reply kv(String method, String path, String body, String contentType) {
        return body == null ? RawHttp.request(PORT, method, "/kv/" + path, null)
                : RawHttp.request(PORT, method, "/kv/" + path, bytes(body), "Content-Type: " + contentType);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/kv/" + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same parade as KvParade, built through the admin API. */
    @BeforeEach
    void parade() {
        KvParade.buildThroughAdminApi();
        assertThat(admin("PUT", "/namespaces/it", "{}").status()).isEqualTo(200);
    }

    @Test
    void theCatalogNeedsTheAdminPasswordAndNeverShowsPasswords() {
        assertThat(RawHttp.get(PORT, ADMIN + "/catalog").status()).isEqualTo(401);
        RawHttp.Reply catalog = admin("GET", "/catalog", null);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.text()).contains("\"id\":\"z3-s1\"").contains("\"position\":1").doesNotContain("password");
        assertThat(admin("GET", "/replication", null).text()).contains("\"local\":\"z1-s0\"").contains("\"peer\":\"z3-s0\"");
    }

    @Test
    void replicationMetricsArePublishedPerShardAndPeer() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            String metrics = RawHttp.get(9990, "/metrics").text();
            return metrics.contains("tusk_kv_replication_lag_seconds{") && metrics.contains("local=\"z1-s0\"")
                    && metrics.contains("peer=\"z2-s0\"") && metrics.contains("tusk_kv_replication_rows_applied_total{")
                    && metrics.contains("tusk_kv_replication_last_success_seconds{") && metrics.contains("tusk_kv_clock_skew_seconds{")
                    && metrics.contains("tusk_kv_replication_errors_total{") && metrics.contains("tusk_kv_replication_conflicts_total{");
        });
    }

    @Test
    void badCatalogEditsAreProblemsAndChangeNothing() {
        RawHttp.Reply gap = admin("PUT", "/shards/s9", "{\"position\":9}");
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.text()).contains("without gaps");
        RawHttp.Reply unknownZone = admin("PUT", "/instances/x-s0", "{\"shard\":\"s0\",\"zone\":\"nowhere\","
                + "\"jdbcUrl\":\"jdbc:postgresql://127.0.0.1/x\",\"username\":\"tusk\"}");
        assertThat(unknownZone.status()).isEqualTo(400);
        assertThat(admin("PUT", "/instances/x-s0", "{\"shard\":\"s0\"}").status()).isEqualTo(400);
        assertThat(admin("PUT", "/zones/bad%20name", null).status()).isEqualTo(400);
        assertThat(admin("DELETE", "/zones/z1", null).status()).as("still used by instances").isEqualTo(400);
        assertThat(admin("DELETE", "/namespaces/never-made", null).status()).isEqualTo(404);
        assertThat(admin("DELETE", "/shards/never-made", null).status()).isEqualTo(404);
        assertThat(admin("DELETE", "/instances/never-made", null).status()).isEqualTo(404);
        assertThat(admin("DELETE", "/zones/never-made", null).status()).isEqualTo(404);
        assertThat(admin("PUT", "/zones/gone-soon", null).status()).isEqualTo(200);
        RawHttp.Reply removed = admin("DELETE", "/zones/gone-soon", null);
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.text()).doesNotContain("gone-soon");
        assertThat(admin("GET", "/catalog", null).text()).doesNotContain("s9").doesNotContain("x-s0");
    }

    @Test
    void putGetDeleteAndPatchOverHttp() {
        String key = "http-" + UUID.randomUUID();
        RawHttp.Reply put = kv("PUT", "it/" + key + "?zone=z2", "{\"n\":1}", "application/json");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.text()).contains("\"origin\":\"z2-s");
        HttpResponse<String> got = get("it/" + key + "?zone=z2");
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo("{\"n\":1}");
        assertThat(got.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(got.headers().firstValue("ETag")).hasValueSatisfying(t -> assertThat(t).contains("-z2-s"));

        RawHttp.Reply stale = kv("PUT", "it/" + key + "?zone=z2&ts=1000", "{\"n\":0}", "application/json");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text()).contains("\"status\":409").contains("a newer version");

        assertThat(kv("PUT", "it/" + key + "-raw", "\u0001\u0002", "application/octet-stream").status()).isEqualTo(200);
        assertThat(get("it/" + key + "-raw").headers().firstValue("Content-Type")).hasValue("application/octet-stream");

        assertThat(kv("DELETE", "it/" + key + "?zone=z2", null, null).status()).isEqualTo(200);
        assertThat(kv("GET", "it/" + key + "?zone=z2", null, null).status()).isEqualTo(404);

        assertThat(kv("PATCH", "it/" + key + "-count", "{\"add\":3}", "application/json").text()).endsWith("3");
        assertThat(kv("PATCH", "it/" + key + "-count", "{\"add\":-1}", "application/json").text()).endsWith("2");
    }

    @Test
    void badRequestsAreProblems() {
        String key = "bad-" + UUID.randomUUID();
        RawHttp.Reply notJson = kv("PUT", "it/" + key, "{nope", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text()).contains("not JSON");
        assertThat(kv("PUT", "nowhere/" + key, "1", "application/json").status()).isEqualTo(404);
        assertThat(kv("GET", "it/" + key + "?zone=z9", null, null).status()).isEqualTo(400);
        long future = (System.currentTimeMillis() + 60_000) * 1000;
        RawHttp.Reply fromTheFuture = kv("PUT", "it/" + key + "?ts=" + future, "1", "application/json");
        assertThat(fromTheFuture.status()).isEqualTo(400);
        assertThat(fromTheFuture.text()).contains("in the future");
        assertThat(kv("PUT", "it/" + key + "?ts=soon", "1", "application/json").status()).isEqualTo(404);
        assertThat(kv("PATCH", "it/" + key, "{\"add\":\"x\"}", "application/json").status()).isEqualTo(400);
        assertThat(kv("PATCH", "it/" + key, "{\"add\":1.5}", "application/json").status()).isEqualTo(400);
        assertThat(kv("GET", "it/" + key, null, null).status()).isEqualTo(404);
    }

    @Test
    void aCounterPushedPastTheLongRangeIsTheCallersMistakeAndStaysUsable() {
        String key = "it/overflow-" + UUID.randomUUID();
        assertThat(kv("PATCH", key, "{\"add\":9223372036854775807}", "application/json").text()).endsWith("9223372036854775807");
        RawHttp.Reply over = kv("PATCH", key, "{\"add\":1}", "application/json");
        assertThat(over.status()).as(over.text()).isEqualTo(400);
        assertThat(over.text()).contains("64-bit range").doesNotContain("did not answer");
        RawHttp.Reply back = kv("PATCH", key, "{\"add\":-7}", "application/json");
        assertThat(back.status()).as("the counter still takes adds").isEqualTo(200);
        assertThat(back.text()).endsWith("9223372036854775800");
    }
}
