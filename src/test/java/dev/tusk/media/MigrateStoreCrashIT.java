package dev.tusk.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.CrashServer;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * migrate-store through a crash: the server is killed with kill -9 while the job copies files
 * into S3, started again, and the job restarted; every file is then in the bucket exactly once,
 * the repository points at all of them, and store_migrations is empty.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MigrateStoreCrashIT {
    private static final String CONTAINER = CrashServer.CONTAINER;
    private static final Path STORE = Path.of(System.getProperty("jboss.home", "target/wildfly"), "standalone/data/tusk-media");
    private static final int HASHES = 600;

    @ArquillianResource ContainerController controller;
    @ArquillianResource Deployer deployer;

    @Deployment(name = "tusk", managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** HASHES files in the file store and their rows, written directly. */
    private static void seed() throws Exception {
        emptyBucket();
        SecureRandom random = new SecureRandom();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hashes, variants, aliases, details, proxies, store_migrations CASCADE");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO hashes (hash, identifier) VALUES (?, ?)")) {
                Files.createDirectories(STORE.resolve("originals"));
                for (int i = 0; i < HASHES; i++) {
                    byte[] bytes = new byte[4096];
                    random.nextBytes(bytes);
                    String identifier = "originals/" + UUID.randomUUID();
                    Files.write(STORE.resolve(identifier), bytes);
                    ps.setBytes(1, ContentHash.of(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), bytes.length, ImageFormat.PNG).bytes());
                    ps.setString(2, identifier);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static software.amazon.awssdk.services.s3.S3Client s3() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:8333")).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("tusk", "tusk-secret"))).build();
    }

    private static Set<String> objects() {
        Set<String> keys = new HashSet<>();
        try (var s3 = s3()) {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket("tusk-media"))) {
                page.contents().forEach(o -> keys.add(o.key()));
            }
        }
        return keys;
    }

    private static void emptyBucket() {
        try (var s3 = s3()) {
            for (String key : objects()) {
                s3.deleteObject(b -> b.bucket("tusk-media").key(key));
            }
        }
    }

    private static RawHttp.Reply admin(String method, String path, String json) {
        return json == null ? RawHttp.request(8080, method, path, null, AdminCredentials.header())
                : RawHttp.request(8080, method, path, json.getBytes(StandardCharsets.UTF_8), AdminCredentials.header(), "Content-Type: application/json");
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aMigrationKilledWithTheServerResumesAfterARestart() throws Exception {
        CrashServer.freshConfiguration();
        controller.start(CONTAINER);
        deployer.deploy("tusk");
        seed();
        RawHttp.Reply started = admin("POST", "/api/admin/batch/jobs/migrate-store/executions",
                "{\"from\":\"file\",\"to\":\"s3\",\"concurrency\":\"2\",\"retryDelayMillis\":\"10\"}");
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long execution = id(started.text());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'") >= 40);

        CrashServer.killHard(controller);
        long movedBeforeCrash = count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'");
        assertThat(movedBeforeCrash).isLessThan(HASHES);
        controller.start(CONTAINER);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> RawHttp.get(8080, "/healthz").status() == 200);
            RawHttp.Reply restarted = admin("POST", "/api/admin/batch/executions/" + execution + "/restart?force=true", null);
            assertThat(restarted.status()).as(restarted.text()).isEqualTo(201);
            long again = id(restarted.text());
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> admin("GET", "/api/admin/batch/executions/" + again, null).text(), t -> t.contains("\"batchStatus\":\"COMPLETED\""));

            assertThat(count("SELECT count(*) FROM hashes WHERE identifier NOT LIKE 's3:%'")).isZero();
            assertThat(count("SELECT count(*) FROM store_migrations")).isZero();
            Set<String> referenced = new HashSet<>();
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT identifier FROM hashes")) {
                while (rs.next()) {
                    referenced.add(rs.getString(1).substring(3));
                }
            }
            Set<String> objects = objects();
            // each file once: the bucket holds exactly the files the repository names (a copy
            // repeated after the crash replaced itself under the same key)
            assertThat(referenced).hasSize(HASHES);
            assertThat(objects).containsAll(referenced);
            assertThat(objects.stream().filter(k -> !referenced.contains(k))).isEmpty();
        } finally {
            deployer.undeploy("tusk");
            controller.stop(CONTAINER);
        }
    }
}
