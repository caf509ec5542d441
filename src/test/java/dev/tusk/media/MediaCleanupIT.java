package dev.tusk.media;

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
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
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

    @Inject
    MediaMaintenance maintenance;
    @Inject
    MediaRepository.Hashes hashes;
    @Inject
    MediaRepository.Aliases aliases;
    @Inject
    MediaRepository.Variants variants;
    @Inject
    MediaRepository.Proxies proxies;
    @Inject
    MediaRepository.Uploads uploads;
    @Inject
    MediaStore store;
    @Inject
    dev.tusk.queue.application.JobQueue queue;

    private static void age(String sql, Object key) throws Exception {
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
        String original = store.save("originals", new ByteArrayInputStream(new byte[] {1}));
        hashes.create(hash, original, null);
        String fresh = store.save("variants", new ByteArrayInputStream(new byte[] {2}));
        String stale = store.save("variants", new ByteArrayInputStream(new byte[] {3}));
        variants.relate(hash, "thumbnail/1.png", fresh);
        variants.relate(hash, "thumbnail/2.png", stale);
        age("UPDATE variants SET accessed = now() - interval '30 days' WHERE identifier = ?", stale);
        String kept = UUID.randomUUID() + ".png";
        String proxied = UUID.randomUUID() + ".png";
        aliases.create(kept, "t", hash);
        aliases.create(proxied, "t", hash);
        proxies.relate("https://example.org/" + proxied, proxied);
        age("UPDATE proxies SET accessed = now() - interval '30 days' WHERE alias = ?", proxied);
        UUID upload = uploads.create();
        age("UPDATE uploads SET created_at = now() - interval '2 hours' WHERE id = ?", upload);

        maintenance.runNow();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !store.exists(stale) && aliases.hash(proxied).isEmpty());
        assertThat(variants.identifier(hash, "thumbnail/2.png")).isEmpty();
        assertThat(variants.identifier(hash, "thumbnail/1.png")).hasValue(fresh);
        assertThat(store.exists(fresh)).isTrue();
        assertThat(aliases.hash(kept)).hasValue(hash);
        assertThat(proxies.related("https://example.org/" + proxied)).isEmpty();
        assertThat(store.exists(original)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> uploads.result(upload)).isInstanceOf(java.util.NoSuchElementException.class);
    }

    /** An ingest that fails on every attempt ends its upload with an error instead of leaving it waiting. */
    @Test
    void anIngestOutOfAttemptsCompletesItsUploadWithAnError() {
        UUID upload = uploads.create();
        queue.push(dev.tusk.queue.domain.JobQueues.PROCESS, "media.ingest",
                "{\"upload\":\"" + upload + "\",\"identifier\":\"tmp/not-an-identifier\"}", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> uploads.result(upload).isPresent());
        assertThat(uploads.result(upload).orElseThrow()).contains("ingest-failed");
    }
}
