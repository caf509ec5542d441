package dev.tusk.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every repository operation on the real database, inside the server. */
@ExtendWith(ArquillianExtension.class)
class MediaRepositoryIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MediaRepositoryIT.class);
    }

    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;
    @Inject MediaRepository.Uploads uploads;
    @Inject MediaRepository.Settings settings;
    @Inject MediaRepository.Proxies proxies;
    @Inject MediaRepository.StoreMigrations migrations;
    @Inject MediaRepository.Counts counts;
    @Resource UserTransaction tx;

    private static ContentHash newHash() {
        byte[] sha = new byte[32];
        RANDOM.nextBytes(sha);
        return ContentHash.of(sha, 1 + RANDOM.nextInt(1_000_000), ImageFormat.PNG);
    }

    private static FileIdentifier id() {
        return new FileIdentifier("originals/" + UUID.randomUUID());
    }

    @Test
    void aDuplicateInsertIsATypedResultAndTheTransactionGoesOn() throws Exception {
        ContentHash hash = newHash();
        Alias alias = new Alias(UUID.randomUUID() + ".png");
        tx.begin();
        assertThat(hashes.create(hash, id(), null)).isEqualTo(Inserted.CREATED);
        assertThat(hashes.create(hash, id(), null)).isEqualTo(Inserted.ALREADY_EXISTS);
        assertThat(aliases.create(alias, "t", hash)).isEqualTo(Inserted.CREATED);
        assertThat(aliases.create(alias, "other", hash)).isEqualTo(Inserted.ALREADY_EXISTS);
        assertThat(variants.relate(hash, "thumbnail/10.png", new FileIdentifier("variants/" + UUID.randomUUID()))).isEqualTo(Inserted.CREATED);
        assertThat(variants.relate(hash, "thumbnail/10.png", new FileIdentifier("variants/" + UUID.randomUUID()))).isEqualTo(Inserted.ALREADY_EXISTS);
        assertThat(proxies.relate("https://example.org/a.png", alias)).isEqualTo(Inserted.CREATED);
        assertThat(proxies.relate("https://example.org/a.png", alias)).isEqualTo(Inserted.ALREADY_EXISTS);
        tx.commit();
        assertThat(aliases.deleteToken(alias)).hasValue("t");
        assertThat(aliases.hash(alias)).hasValue(hash);
        assertThat(aliases.forHash(hash)).containsExactly(alias);
        assertThat(proxies.related("https://example.org/a.png")).hasValue(alias);
        assertThat(variants.all(hash)).hasSize(1);
    }

    @Test
    void hashesIdentifiersMotionAndBlurhash() {
        ContentHash hash = newHash();
        long before = hashes.size();
        FileIdentifier identifier = id();
        hashes.create(hash, identifier, null);
        assertThat(hashes.size()).isEqualTo(before + 1);
        assertThat(hashes.identifier(hash)).hasValue(identifier);
        FileIdentifier moved = id();
        hashes.updateIdentifier(hash, moved);
        assertThat(hashes.identifier(hash)).hasValue(moved);
        hashes.relateMotionIdentifier(hash, new FileIdentifier("originals/" + UUID.randomUUID()));
        assertThat(hashes.motionIdentifier(hash)).isPresent();
        hashes.relateBlurhash(hash, "LEHV6nWB2yk8pyo0adR*.7kCMdnj");
        assertThat(hashes.blurhash(hash)).hasValue("LEHV6nWB2yk8pyo0adR*.7kCMdnj");
        assertThat(hashes.bound(hash)).isPresent();
        hashes.cleanup(hash);
        assertThat(hashes.identifier(hash)).isEmpty();
        assertThat(hashes.bound(hash)).isEmpty();
    }

    @Test
    void detailsKeepTheirFirstWrite() {
        FileIdentifier identifier = id();
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        details.relate(identifier, new ImageDetails(10, 20, null, ImageFormat.PNG, t));
        details.relate(identifier, new ImageDetails(99, 99, 3, ImageFormat.GIF, t));
        assertThat(details.get(identifier)).hasValue(new ImageDetails(10, 20, null, ImageFormat.PNG, t));
        details.cleanup(identifier);
        assertThat(details.get(identifier)).isEmpty();
    }

    @Test
    void variantsAndTheirAccessTimes() throws Exception {
        ContentHash hash = newHash();
        hashes.create(hash, id(), null);
        FileIdentifier v = new FileIdentifier("variants/" + UUID.randomUUID());
        variants.relate(hash, "thumbnail/32.png", v);
        assertThat(variants.identifier(hash, "thumbnail/32.png")).hasValue(v);
        assertThat(variants.olderThan(Instant.now().plusSeconds(1), 100000)).extracting(e -> e.getValue()).contains("thumbnail/32.png");
        assertThat(variants.olderThan(Instant.now().minusSeconds(60), 100000)).noneMatch(e -> e.getKey().equals(hash));
        variants.accessed(hash, "thumbnail/32.png");
        variants.remove(hash, "thumbnail/32.png");
        assertThat(variants.identifier(hash, "thumbnail/32.png")).isEmpty();
    }

    @Test
    void uploadsSettingsProxiesAndStoreMigrations() {
        var upload = uploads.create();
        assertThat(uploads.result(upload)).isEmpty();
        uploads.complete(upload, "{\"alias\":\"a\"}");
        assertThat(uploads.result(upload)).hasValueSatisfying(r -> assertThat(r).contains("\"alias\""));
        assertThat(uploads.claim(upload)).isTrue();
        assertThat(uploads.claim(upload)).isFalse();
        uploads.create();
        assertThat(uploads.expire(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);

        settings.set("k", new byte[] {1});
        settings.set("k", new byte[] {2});
        assertThat(settings.get("k")).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
        settings.remove("k");
        assertThat(settings.get("k")).isEmpty();

        ContentHash hash = newHash();
        hashes.create(hash, id(), null);
        Alias alias = new Alias(UUID.randomUUID() + ".png");
        aliases.create(alias, "t", hash);
        String url = "https://example.org/" + UUID.randomUUID();
        proxies.relate(url, alias);
        proxies.accessed(url);
        assertThat(proxies.olderThan(Instant.now().plusSeconds(1), 100000)).contains(alias);
        proxies.removeRelation(alias);
        assertThat(proxies.related(url)).isEmpty();
        aliases.cleanup(alias);
        assertThat(aliases.hash(alias)).isEmpty();

        migrations.clear();
        assertThat(migrations.isContinuing()).isFalse();
        migrations.markMigrated(new FileIdentifier("originals/a"), new FileIdentifier("originals/b"));
        migrations.markMigrated(new FileIdentifier("originals/a"), new FileIdentifier("originals/b"));
        assertThat(migrations.isContinuing()).isTrue();
        assertThat(migrations.isMigrated(new FileIdentifier("originals/a"))).isTrue();
        assertThat(migrations.isMigrated(new FileIdentifier("originals/c"))).isFalse();
        migrations.clear();
        assertThat(migrations.isContinuing()).isFalse();
    }

    /**
     * Pages at their boundaries with many hashes sharing one timestamp: walking next gives every
     * hash once, in order; prev leads back; a page from a deleted bound starts where it was.
     */
    @Test
    void keysetPagingWithTiedTimestampsAndADeletedBound() {
        Instant tied = Instant.parse("2001-01-01T00:00:00Z").plus(RANDOM.nextInt(1_000_000), ChronoUnit.SECONDS);
        List<ContentHash> mine = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ContentHash h = newHash();
            hashes.create(h, id(), i < 7 ? tied : tied.minusSeconds(1));
            mine.add(h);
        }
        HashCursor top = new HashCursor(tied, ContentHash.fromBytes(filled((byte) 0xff)));
        List<ContentHash> walked = new ArrayList<>();
        List<HashCursor> starts = new ArrayList<>();
        HashCursor cursor = top;
        while (walked.size() < 8) {
            MediaRepository.HashPage page = hashes.page(cursor, 3);
            starts.add(cursor);
            walked.addAll(page.hashes());
            cursor = page.next();
            if (cursor == null) {
                break;
            }
        }
        List<ContentHash> expected = walked.subList(0, 8);
        assertThat(expected).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(expected.get(7)).as("the older one comes last").isEqualTo(mine.get(7));
        assertThat(new java.util.HashSet<>(expected)).hasSize(8);

        // the second page's prev is the first page's first hash
        MediaRepository.HashPage second = hashes.page(hashes.bound(expected.get(3)).orElseThrow(), 3);
        assertThat(second.hashes()).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(second.prev().hash()).isEqualTo(expected.get(0));

        // the bound is deleted: paging from its cursor starts just after where it stood
        HashCursor bound = hashes.bound(expected.get(3)).orElseThrow();
        hashes.cleanup(expected.get(3));
        assertThat(hashes.page(bound, 3).hashes()).containsExactlyElementsOf(expected.subList(4, 7));
        assertThat(HashCursor.fromSlug(bound.slug())).isEqualTo(bound);
    }

    private static byte[] filled(byte b) {
        byte[] raw = new byte[ContentHash.LENGTH];
        java.util.Arrays.fill(raw, b);
        raw[ContentHash.LENGTH - 1] = (byte) ImageFormat.BMP.code();
        return raw;
    }

    /** The gauges' figures: originals, aliases, uploads in flight, and the originals' bytes per store from their hashes. */
    @Test
    void countsAddUpWhatTheRepositoryHolds() {
        MediaRepository.Counts.Figures before = counts.now();
        byte[] sha = new byte[32];
        RANDOM.nextBytes(sha);
        ContentHash inFiles = ContentHash.of(sha, 1000, ImageFormat.PNG);
        RANDOM.nextBytes(sha);
        ContentHash inS3 = ContentHash.of(sha, 70_000, ImageFormat.PNG);
        hashes.create(inFiles, new FileIdentifier("originals/" + UUID.randomUUID()), null);
        hashes.create(inS3, new FileIdentifier("s3:originals/" + UUID.randomUUID()), null);
        aliases.create(new Alias(UUID.randomUUID() + ".png"), "t", inFiles);
        UUID upload = uploads.create();

        MediaRepository.Counts.Figures after = counts.now();

        assertThat(after.hashes() - before.hashes()).isEqualTo(2);
        assertThat(after.aliases() - before.aliases()).isEqualTo(1);
        assertThat(after.uploadsInFlight() - before.uploadsInFlight()).isEqualTo(1);
        assertThat(after.fileBytes() - before.fileBytes()).isEqualTo(1000);
        assertThat(after.s3Bytes() - before.s3Bytes()).isEqualTo(70_000);
        uploads.claim(upload);
    }
}
