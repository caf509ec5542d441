package dev.tusk.media;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.FileIdentifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.media.application.migration.MigrateRepoJob;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.platform.batch.BatchJobs;
import dev.tusk.platform.batch.BatchJobs.ExecutionView;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** migrate-repo into a second database (tusk_media_copy, made fresh by bin/tusk test): every row of every table compared. */
@ExtendWith(ArquillianExtension.class)
class MigrateRepoIT {
    private static final String TARGET = "jdbc:postgresql://127.0.0.1:5432/tusk_media_copy";
    private static final String[] TABLES = {"hashes", "aliases", "variants", "details", "settings", "proxies"};

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MigrateRepoIT.class);
    }

    @Inject BatchJobs jobs;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;
    @Inject MediaRepository.Settings settings;
    @Inject MediaRepository.Proxies proxies;

    private static Connection target() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "tusk");
        p.setProperty("password", "tusk");
        return new org.postgresql.Driver().connect(TARGET, p);
    }

    private static SortedSet<String> dump(Connection c) throws SQLException {
        SortedSet<String> rows = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        rows.add(table + " " + rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    private ExecutionView migrate() {
        long id = jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", TARGET, "targetUser", "tusk")).id();
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.execution(id), e -> Set.of("COMPLETED", "FAILED", "STOPPED").contains(e.batchStatus()));
    }

    @Test
    void theRepositoryIsCopiedWholeAndAgainWithoutChange() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 700; i++) {
            byte[] sha = new byte[32];
            random.nextBytes(sha);
            ContentHash hash = ContentHash.of(sha, 100 + i, ImageFormat.JPEG);
            FileIdentifier identifier = new FileIdentifier("originals/" + UUID.randomUUID());
            hashes.create(hash, identifier, Instant.parse("2020-05-05T05:05:05.123456Z").plusSeconds(i));
            details.relate(identifier, new ImageDetails(i + 1, 7, null, ImageFormat.JPEG, Instant.parse("2021-01-01T00:00:00Z")));
            Alias alias = new Alias(UUID.randomUUID() + ".jpeg");
            aliases.create(alias, "token-" + i, hash);
            if (i % 5 == 0) {
                variants.relate(hash, "thumbnail/16.jpeg", new FileIdentifier("variants/" + UUID.randomUUID()));
                proxies.relate("https://example.org/" + i + "-" + UUID.randomUUID(), alias);
            }
        }
        settings.set("migrate-repo-" + UUID.randomUUID(), new byte[] {1, 2, 3});

        ExecutionView first = migrate();
        assertThat(first.batchStatus()).as(first.toString()).isEqualTo("COMPLETED");
        SortedSet<String> source;
        try (Connection c = TestDatabase.connect()) {
            source = dump(c);
        }
        try (Connection t = target()) {
            assertThat(dump(t)).isEqualTo(source);
        }
        assertThat(first.steps().stream().filter(s -> s.name().equals("hashes")).findFirst().orElseThrow().metrics().get("writeCount"))
                .isGreaterThanOrEqualTo(700L);
        first.steps().forEach(step -> assertThat(step.items()).as("each table's rows are counted first, for the progress bar: " + step)
                .isEqualTo(step.metrics().get("readCount")));

        ExecutionView again = migrate();
        assertThat(again.batchStatus()).isEqualTo("COMPLETED");
        try (Connection t = target()) {
            assertThat(dump(t)).isEqualTo(source);
        }
    }

    @Test
    void aPasswordInTheTargetUrlIsRefusedAndKeptOutOfTheJobRepositoryAndTheLog() throws Exception {
        String secret = "s3cret-" + UUID.randomUUID();
        for (String url : new String[] {TARGET + "?password=" + secret, TARGET + "?ssl=false&PassWord=" + secret,
                TARGET + "?sslpassword=" + secret}) {
            assertThatThrownBy(() -> jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", url, "targetUser", "tusk")))
                    .hasMessageContaining("must not carry a password").hasMessageContaining("TUSK_MIGRATE_REPO_PASSWORD")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        }
        assertThat(jobs.executions(MigrateRepoJob.NAME, 1000)).allSatisfy(e -> assertThat(e.parameters().toString())
                .doesNotContain(secret));
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        assertThat(new String(java.nio.file.Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }

    @Test
    void badParametersFailAtOnce() {
        assertThatThrownBy(() -> jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", "mysql://x", "targetUser", "tusk")))
                .hasMessageContaining("targetUrl is a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", TARGET)))
                .hasMessageContaining("targetUser is required");
        assertThatThrownBy(() -> jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", "jdbc:postgresql://127.0.0.1:1/x", "targetUser", "tusk")))
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(() -> jobs.start(MigrateRepoJob.NAME, Map.of("targetUrl", "jdbc:postgresql://127.0.0.1:5432/no_such_db", "targetUser", "tusk")))
                .hasMessageContaining("cannot be reached");
    }
}
