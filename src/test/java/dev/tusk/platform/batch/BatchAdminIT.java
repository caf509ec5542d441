package dev.tusk.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * Batch jobs as operators reach them: the admin REST API, and WildFly's management HTTP API on
 * :9990, which is what the web console and the CLI call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchAdminIT {
    private static final int PORT = 8080;
    private static final String BASE = "/api/admin/batch";
    private static final String MIGRATE = BASE + "/jobs/migrate-peers/executions";
    private static final byte[] POSTGRES_TO_REDIS = "{\"from\":\"postgres\",\"to\":\"redis\",\"chunkSize\":20}".getBytes(StandardCharsets.UTF_8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static RawHttp.Reply admin(String method, String path, byte[] json) {
        return json == null ? RawHttp.request(PORT, method, path, null, AdminCredentials.header())
                : RawHttp.request(PORT, method, path, json, AdminCredentials.header(), "Content-Type: application/json");
    }

    @BeforeEach
    void aSmallPostgresStoreAndAnEmptyRedis() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE mo_peers, mo_downloads, mo_kv");
            s.execute("INSERT INTO mo_peers SELECT decode(lpad(to_hex(i), 40, '0'), 'hex'), decode(lpad(to_hex(i), 40, '0'), 'hex'),"
                    + " '10.1.0.1', 6881, i % 2 = 0, false, now() AT TIME ZONE 'UTC' FROM generate_series(1, 45) i");
        }
        try (RedisClient r = TestRedis.plain()) {
            r.flushDB();
        }
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as("an execution id in %s", json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String awaitCompleted(long id) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> admin("GET", BASE + "/executions/" + id, null).text(),
                        body -> body.contains("\"batchStatus\":\"COMPLETED\"") || body.contains("\"batchStatus\":\"FAILED\""));
    }

    @Test
    void needsTheAdminPassword() {
        assertThat(RawHttp.get(PORT, BASE + "/jobs").status()).isEqualTo(401);
        assertThat(RawHttp.request(PORT, "POST", MIGRATE, POSTGRES_TO_REDIS, "Content-Type: application/json").status()).isEqualTo(401);
    }

    @Test
    void listsTheJobsWithTheirParameters() {
        RawHttp.Reply reply = admin("GET", BASE + "/jobs", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("\"name\":\"migrate-peers\"").contains("\"name\":\"chunkSize\"").contains("\"defaultValue\":\"100\"");
    }

    @Test
    void launchesAMigrationAndShowsItsCounts() {
        RawHttp.Reply started = admin("POST", MIGRATE, POSTGRES_TO_REDIS);
        assertThat(started.status()).isEqualTo(201);
        long id = id(started.text());
        String done = awaitCompleted(id);
        assertThat(done).contains("\"batchStatus\":\"COMPLETED\"").contains("\"name\":\"swarms\"")
                .contains("\"readCount\":45").contains("\"writeCount\":45").contains("\"commitCount\":")
                .contains("\"readSkipCount\":0");
        assertThat(admin("GET", MIGRATE, null).text()).contains("\"id\":" + id);
        try (RedisClient r = TestRedis.plain()) {
            assertThat(r.scard("CHI_I")).isEqualTo(45);
        }
        RawHttp.Reply stopDone = admin("POST", BASE + "/executions/" + id + "/stop", null);
        assertThat(stopDone.status()).isEqualTo(409);
        assertThat(stopDone.text()).contains("not running");
    }

    @Test
    void badParametersAreAProblemAndStartNothing() {
        RawHttp.Reply same = admin("POST", MIGRATE, "{\"from\":\"redis\",\"to\":\"redis\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text()).contains("\"status\":400").contains("from and to are the same store (redis)");
        RawHttp.Reply chunk = admin("POST", MIGRATE, "{\"from\":\"redis\",\"to\":\"postgres\",\"chunkSize\":\"lots\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(chunk.status()).isEqualTo(400);
        assertThat(chunk.text()).contains("chunkSize is a whole number from 1 to 10000, not 'lots'");
        assertThat(admin("POST", MIGRATE, "[1,2".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(admin("POST", BASE + "/jobs/drop-everything/executions", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(admin("GET", BASE + "/executions/987654321", null).status()).isEqualTo(404);
    }

    /** What the web console does when an operator starts a job: the management operation start-job. */
    @Test
    void startsFromTheManagementApiAsTheConsoleDoes() throws Exception {
        String deployments = management("{\"operation\":\"read-children-names\",\"child-type\":\"deployment\",\"address\":[]}");
        Matcher name = Pattern.compile("\"([^\"]*\\.war)\"").matcher(deployments);
        assertThat(name.find()).as(deployments).isTrue();
        String reply = management("{\"operation\":\"start-job\",\"address\":[{\"deployment\":\"" + name.group(1) + "\"},"
                + "{\"subsystem\":\"batch-jberet\"}],\"job-xml-name\":\"migrate-peers\","
                + "\"properties\":{\"from\":\"postgres\",\"to\":\"redis\"}}");
        Matcher result = Pattern.compile("\"result\"\\s*:\\s*(\\d+)").matcher(reply);
        assertThat(result.find()).as(reply).isTrue();
        String done = awaitCompleted(Long.parseLong(result.group(1)));
        assertThat(done).contains("\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":45");
    }

    /** A management operation over HTTP with digest authentication, as the console sends it. */
    private static String management(String operation) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:9990/management").openConnection();
        c.setAuthenticator(new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(AdminCredentials.USER, AdminCredentials.password().toCharArray());
            }
        });
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(operation.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
