package dev.tusk.media;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.FileIdentifier;
import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.media.application.MediaMaintenance;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The periodic cleanups, run by the maintenance timer's own method, down to the files. */
@ExtendWith(ArquillianExtension.class)
class MediaCleanupIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MediaCleanupIT.class);
    }

    @Inject MediaMaintenance maintenance;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Proxies proxies;
    @Inject MediaRepository.Uploads uploads;
    @Inject MediaStore store;
    @Inject dev.tusk.queue.spi.JobQueue queue;
    @Inject @ConfigProperty(name = "media.store.path") String storePath;

    private static void changeOne(String sql, Object key) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    @Test
    void outdatedVariantsAndProxiesAndUnclaimedUploadsGo() throws Exception {
        byte[] sha = new byte[32];
        new SecureRandom().nextBytes(sha);
        ContentHash hash = ContentHash.of(sha, 10, ImageFormat.PNG);
        FileIdentifier original = store.save("originals", new ByteArrayInputStream(new byte[] {1}));
        hashes.create(hash, original, null);
        FileIdentifier fresh = store.save("variants", new ByteArrayInputStream(new byte[] {2}));
        FileIdentifier stale = store.save("variants", new ByteArrayInputStream(new byte[] {3}));
        variants.relate(hash, "thumbnail/1.png", fresh);
        variants.relate(hash, "thumbnail/2.png", stale);
        changeOne("UPDATE variants SET accessed = now() - interval '30 days' WHERE identifier = ?", stale.value());
        Alias kept = new Alias(UUID.randomUUID() + ".png");
        Alias proxied = new Alias(UUID.randomUUID() + ".png");
        aliases.create(kept, "t", hash);
        aliases.create(proxied, "t", hash);
        proxies.relate("https://example.org/" + proxied, proxied);
        changeOne("UPDATE proxies SET accessed = now() - interval '30 days' WHERE alias = ?", proxied.value());
        UUID upload = uploads.create();
        changeOne("UPDATE uploads SET created_at = now() - interval '2 hours' WHERE id = ?", upload);

        maintenance.run();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !store.exists(stale) && aliases.hash(proxied).isEmpty());
        assertThat(variants.identifier(hash, "thumbnail/2.png")).isEmpty();
        assertThat(variants.identifier(hash, "thumbnail/1.png")).hasValue(fresh);
        assertThat(store.exists(fresh)).isTrue();
        assertThat(aliases.hash(kept)).hasValue(hash);
        assertThat(proxies.related("https://example.org/" + proxied)).isEmpty();
        assertThat(store.exists(original)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.result(upload)).isInstanceOf(java.util.NoSuchElementException.class);
    }

    /**
     * Temporary files older than {@code media.upload_expiry} that no job holds go (an upload
     * whose transaction's end never reached Tusk); one a failed ingest holds stays for an
     * operator's retry, and a fresh one (an upload on its way) stays.
     */
    @Test
    void orphanTemporaryFilesGoAndHeldOrFreshOnesStay() throws Exception {
        FileIdentifier orphan = store.save("tmp", new ByteArrayInputStream(new byte[] {4}));
        FileIdentifier held = store.save("tmp", new ByteArrayInputStream(new byte[] {5}));
        FileIdentifier fresh = store.save("tmp", new ByteArrayInputStream(new byte[] {6}));
        for (FileIdentifier old : List.of(orphan, held)) {
            Files.setLastModifiedTime(Path.of(storePath, old.value()), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }
        UUID failed = UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO job_queue_failed (id, queue, job, attempts, last_error, queue_time)
                VALUES (?, 'process', jsonb_build_object('type', 'media.ingest', 'args', jsonb_build_object('upload', gen_random_uuid(), 'identifier', ?::text)),
                        5, 'test', now())""")) {
            ps.setObject(1, failed);
            ps.setString(2, held.value());
            ps.executeUpdate();
        }
        try {
            maintenance.run();

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !store.exists(orphan));
            assertThat(store.exists(held)).isTrue();
            assertThat(store.exists(fresh)).isTrue();
        } finally {
            changeOne("DELETE FROM job_queue_failed WHERE id = ?", failed);
            store.delete(held);
            store.delete(fresh);
        }
    }

    /** An ingest that fails on every attempt ends its upload with an error instead of leaving it waiting. */
    @Test
    void anIngestOutOfAttemptsCompletesItsUploadWithAnError() {
        UUID upload = uploads.create();
        queue.push(dev.tusk.media.domain.MediaQueues.PROCESS, "media.ingest",
                "{\"upload\":\"" + upload + "\",\"identifier\":\"tmp/not-an-identifier\"}", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> uploads.result(upload).isPresent());
        assertThat(uploads.result(upload).orElseThrow()).contains("ingest-failed");
    }
}
