package dev.tusk.media;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.FileIdentifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.media.application.migration.MigrateStoreJob;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.media.domain.MediaStoreCatalog;
import dev.tusk.platform.batch.BatchJobs;
import dev.tusk.platform.batch.BatchJobs.ExecutionView;
import dev.tusk.platform.batch.BatchJobs.StepView;
import dev.tusk.platform.batch.InvalidJobParametersException;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * migrate-store between the file store and a real S3 server (S3Proxy on 127.0.0.1:8333, started
 * by bin/tusk test), inside the server: every byte and every row compared after each move.
 */
@ExtendWith(ArquillianExtension.class)
class MigrateStoreIT {
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MigrateStoreIT.class);
    }

    @Inject BatchJobs jobs;
    @Inject MediaStoreCatalog stores;
    @Inject MediaStore store;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;
    @Inject MediaRepository.Aliases aliases;
    @Inject io.micrometer.core.instrument.MeterRegistry registry;

    /** Original content by hash slug, as written. */
    private final Map<String, byte[]> contents = new HashMap<>();

    @BeforeEach
    void emptyRepository() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE hashes, variants, aliases, details, proxies, store_migrations CASCADE");
        }
        try (var s3 = s3()) {
            for (String key : objectsInBucket()) {
                s3.deleteObject(b -> b.bucket("tusk-media").key(key));
            }
        }
    }

    /** n hashes in the file store: every 4th with a variant, every 10th with a motion file, each with details and an alias. */
    private void seed(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            byte[] bytes = new byte[200 + RANDOM.nextInt(2000)];
            RANDOM.nextBytes(bytes);
            ContentHash hash = ContentHash.of(MessageDigest.getInstance("SHA-256").digest(bytes), bytes.length, ImageFormat.PNG);
            FileIdentifier original = stores.named("file").save("originals", new ByteArrayInputStream(bytes));
            hashes.create(hash, original, Instant.now().minusSeconds(i));
            details.relate(original, new ImageDetails(10 + i, 20, null, ImageFormat.PNG, Instant.parse("2026-01-01T00:00:00Z")));
            aliases.create(new Alias(UUID.randomUUID() + ".png"), "token" + i, hash);
            contents.put(hash.slug(), bytes);
            if (i % 4 == 0) {
                FileIdentifier v = stores.named("file").save("variants", new ByteArrayInputStream(new byte[] {(byte) i, 1, 2}));
                variants.relate(hash, "thumbnail/8.png", v);
                details.relate(v, new ImageDetails(8, 8, null, ImageFormat.PNG, Instant.parse("2026-01-01T00:00:00Z")));
            }
            if (i % 10 == 0) {
                hashes.relateMotionIdentifier(hash, stores.named("file").save("originals", new ByteArrayInputStream(new byte[] {9, (byte) i})));
            }
        }
    }

    /** Every row, with identifiers replaced by the SHA-256 of the file they name (so stores compare). */
    private SortedSet<String> snapshot() throws Exception {
        SortedSet<String> lines = new TreeSet<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT h.hash, h.identifier, h.motion_identifier, h.created_at, d.json::text"
                    + " FROM hashes h LEFT JOIN details d ON d.identifier = h.identifier")) {
                while (rs.next()) {
                    lines.add("hash " + HexFormat.of().formatHex(rs.getBytes(1)) + " " + digest(rs.getString(2)) + " "
                            + (rs.getString(3) == null ? "-" : digest(rs.getString(3))) + " " + rs.getObject(4) + " " + rs.getString(5));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT v.hash, v.variant, v.identifier, d.json::text FROM variants v"
                    + " LEFT JOIN details d ON d.identifier = v.identifier")) {
                while (rs.next()) {
                    lines.add("variant " + HexFormat.of().formatHex(rs.getBytes(1)) + " " + rs.getString(2) + " " + digest(rs.getString(3))
                            + " " + rs.getString(4));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT alias, hash, token FROM aliases")) {
                while (rs.next()) {
                    lines.add("alias " + rs.getString(1) + " " + HexFormat.of().formatHex(rs.getBytes(2)) + " " + rs.getString(3));
                }
            }
        }
        return lines;
    }

    private double copiedFiles() {
        var counter = registry.find("tusk.media.migrated.files").tag("outcome", "copied").counter();
        return counter == null ? 0 : counter.count();
    }

    private String digest(String identifier) throws Exception {
        try (InputStream in = store.open(new FileIdentifier(identifier))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private ExecutionView awaitEnd(long id) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.execution(id), e -> ENDED.contains(e.batchStatus()));
    }

    private ExecutionView migrate(String from, String to, Map<String, String> more) {
        Map<String, String> p = new HashMap<>(Map.of("from", from, "to", to, "retryDelayMillis", "10", "concurrency", "4"));
        p.putAll(more);
        return awaitEnd(jobs.start(MigrateStoreJob.NAME, p).id());
    }

    @Test
    void filesMoveToObjectStorageAndBackWithEveryByteAndRow() throws Exception {
        seed(200);
        SortedSet<String> before = snapshot();
        Set<String> oldFiles = new java.util.HashSet<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT identifier FROM hashes UNION ALL SELECT identifier FROM variants")) {
            while (rs.next()) {
                oldFiles.add(rs.getString(1));
            }
        }

        double copiedBefore = copiedFiles();
        ExecutionView toS3 = migrate("file", "s3", Map.of());
        // the copies are counted on /metrics as they happen: 200 originals, 50 variants, 20 motion files
        assertThat(copiedFiles() - copiedBefore).isEqualTo(270);
        assertThat(toS3.batchStatus()).as(toS3.toString()).isEqualTo("COMPLETED");
        StepView files = toS3.steps().stream().filter(s -> s.name().equals("files")).findFirst().orElseThrow();
        assertThat(files.items()).as("the job counts the hashes it reads, for the progress bar").isEqualTo(count("SELECT count(*) FROM hashes"));
        assertThat(files.metrics().get("readCount")).isEqualTo(files.items());
        assertThat(toS3.progress().fraction()).isEqualTo(1.0);
        assertThat(count("SELECT count(*) FROM hashes WHERE identifier NOT LIKE 's3:%'")).isZero();
        assertThat(count("SELECT count(*) FROM hashes WHERE motion_identifier IS NOT NULL AND motion_identifier NOT LIKE 's3:%'")).isZero();
        assertThat(count("SELECT count(*) FROM variants WHERE identifier NOT LIKE 's3:%'")).isZero();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM store_migrations")).isZero();
        oldFiles.forEach(id -> assertThat(store.exists(new FileIdentifier(id))).as("old files are kept").isTrue());
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            try (InputStream in = store.open(hashes.identifier(ContentHash.fromSlug(e.getKey())).orElseThrow())) {
                assertThat(in.readAllBytes()).isEqualTo(e.getValue());
            }
        }

        ExecutionView back = migrate("s3", "file", Map.of());
        assertThat(back.batchStatus()).isEqualTo("COMPLETED");
        assertThat(count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'")).isZero();
        assertThat(count("SELECT count(*) FROM variants WHERE identifier LIKE 's3:%'")).isZero();
        assertThat(snapshot()).isEqualTo(before);

        // a second run finds nothing to copy
        ExecutionView again = migrate("s3", "file", Map.of());
        assertThat(again.batchStatus()).isEqualTo("COMPLETED");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aStoppedMigrationRestartsAndCopiesNothingTwice() throws Exception {
        seed(300);
        SortedSet<String> before = snapshot();
        long id = jobs.start(MigrateStoreJob.NAME, Map.of("from", "file", "to", "s3", "concurrency", "2", "retryDelayMillis", "10")).id();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'") >= 20);
        jobs.stop(id);
        ExecutionView stopped = awaitEnd(id);
        assertThat(stopped.batchStatus()).isEqualTo("STOPPED");
        long moved = count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'");
        assertThat(moved).isBetween(20L, 299L);

        ExecutionView restarted = awaitEnd(jobs.restart(id, false).id());
        assertThat(restarted.batchStatus()).isEqualTo("COMPLETED");
        assertThat(count("SELECT count(*) FROM hashes WHERE identifier NOT LIKE 's3:%'")).isZero();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM store_migrations")).isZero();
        // every file exactly once in the bucket: the objects are the files the repository names, no copy made twice
        assertThat(objectsInBucket()).hasSize(300 + 75 + 30).isEqualTo(referencedInS3());
    }

    private static software.amazon.awssdk.services.s3.S3Client s3() {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:8333")).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("tusk", "tusk-secret"))).build();
    }

    private static Set<String> objectsInBucket() {
        Set<String> keys = new java.util.HashSet<>();
        try (var s3 = s3()) {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket("tusk-media"))) {
                page.contents().forEach(o -> keys.add(o.key()));
            }
        }
        return keys;
    }

    private Set<String> referencedInS3() throws Exception {
        Set<String> keys = new java.util.HashSet<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT identifier FROM hashes UNION ALL SELECT motion_identifier FROM hashes WHERE motion_identifier IS NOT NULL"
                        + " UNION ALL SELECT identifier FROM variants")) {
            while (rs.next()) {
                if (rs.getString(1).startsWith("s3:")) {
                    keys.add(rs.getString(1).substring(3));
                }
            }
        }
        return keys;
    }

    @Test
    void missingFilesAreSkippedOrFailTheirHash() throws Exception {
        seed(12);
        int n = 0;
        Set<String> gone = new java.util.HashSet<>();
        for (String slug : contents.keySet()) {
            if (n++ < 3) {
                FileIdentifier id = hashes.identifier(ContentHash.fromSlug(slug)).orElseThrow();
                stores.named("file").delete(id);
                gone.add(slug);
            }
        }
        ExecutionView strict = migrate("file", "s3", Map.of("skipMissingFiles", "false"));
        assertThat(strict.batchStatus()).isEqualTo("COMPLETED");
        long skipped = strict.steps().stream().filter(s -> s.name().equals("files")).mapToLong(s -> s.metrics().getOrDefault("processSkipCount", 0L)).sum();
        assertThat(skipped).isEqualTo(3);
        for (String slug : gone) {
            assertThat(hashes.identifier(ContentHash.fromSlug(slug)).orElseThrow().value()).doesNotStartWith("s3:");
        }
        assertThat(count("SELECT count(*) FROM hashes WHERE identifier LIKE 's3:%'")).isEqualTo(9);

        ExecutionView lenient = migrate("file", "s3", Map.of("skipMissingFiles", "true"));
        assertThat(lenient.batchStatus()).isEqualTo("COMPLETED");
        long skippedNow = lenient.steps().stream().filter(s -> s.name().equals("files")).mapToLong(s -> s.metrics().getOrDefault("processSkipCount", 0L)).sum();
        assertThat(skippedNow).isZero();
        assertThat(count("SELECT count(*) FROM store_migrations")).isZero();
    }

    @Test
    void badParametersFailAtOnceAndChangeNothing() throws Exception {
        seed(3);
        SortedSet<String> before = snapshot();
        assertThatThrownBy(() -> jobs.start(MigrateStoreJob.NAME, Map.of("from", "file", "to", "ftp")))
                .isInstanceOf(InvalidJobParametersException.class).hasMessage("to is file or s3, not 'ftp'");
        assertThatThrownBy(() -> jobs.start(MigrateStoreJob.NAME, Map.of("from", "s3", "to", "s3"))).hasMessageContaining("same store");
        assertThatThrownBy(() -> jobs.start(MigrateStoreJob.NAME, Map.of("from", "file", "to", "s3", "concurrency", "0")))
                .hasMessageContaining("concurrency is a whole number from 1 to 64");
        assertThatThrownBy(() -> jobs.start(MigrateStoreJob.NAME, Map.of("from", "file", "to", "s3", "skipMissingFiles", "maybe")))
                .hasMessageContaining("skipMissingFiles is true or false");
        assertThatThrownBy(() -> jobs.start(MigrateStoreJob.NAME, Map.of("to", "s3"))).hasMessage("from is required: file or s3");
        assertThat(snapshot()).isEqualTo(before);
    }
}
