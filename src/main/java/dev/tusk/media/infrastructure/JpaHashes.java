package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code hashes}. Pages are a true keyset over (created_at, hash) descending, whose cursor
 * carries both: a bound that was deleted meanwhile still places the page where it was.
 */
@ApplicationScoped
@Transactional
public class JpaHashes implements MediaRepository.Hashes {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public long size() {
        return em.createQuery("SELECT count(h) FROM HashEntity h", Long.class).getSingleResult();
    }

    @Override
    public Inserted create(ContentHash hash, FileIdentifier identifier, Instant createdAt) {
        int rows = em.createNativeQuery("INSERT INTO hashes (hash, identifier, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (hash) DO NOTHING")
                .setParameter(1, hash.bytes()).setParameter(2, identifier.value())
                .setParameter(3, OffsetDateTime.ofInstant(createdAt == null ? Instant.now() : createdAt, ZoneOffset.UTC))
                .executeUpdate();
        return Inserted.ofRows(rows);
    }

    @Override
    public Optional<FileIdentifier> identifier(ContentHash hash) {
        HashEntity h = em.find(HashEntity.class, hash.bytes());
        return Optional.ofNullable(h).map(x -> new FileIdentifier(x.identifier));
    }

    @Override
    public void updateIdentifier(ContentHash hash, FileIdentifier identifier) {
        em.createQuery("UPDATE HashEntity h SET h.identifier = :i WHERE h.hash = :h")
                .setParameter("i", identifier.value()).setParameter("h", hash.bytes()).executeUpdate();
    }

    @Override
    public MediaRepository.HashPage page(HashCursor bound, int limit) {
        if (bound == null) {
            return page(rows("SELECT hash, created_at FROM hashes ORDER BY created_at DESC, hash DESC LIMIT :limit", null, limit + 1),
                    List.of(), limit);
        }
        return page(rows("SELECT hash, created_at FROM hashes WHERE (created_at, hash) <= (:at, :hash)"
                + " ORDER BY created_at DESC, hash DESC LIMIT :limit", bound, limit + 1),
                rows("SELECT hash, created_at FROM hashes WHERE (created_at, hash) > (:at, :hash)"
                        + " ORDER BY created_at ASC, hash ASC LIMIT :limit", bound, limit), limit);
    }

    @Override
    public MediaRepository.HashPage pageByDate(Instant date, int limit) {
        // the newest possible position at that time: every hash created then or before
        ContentHash top = ContentHash.fromBytes(maxHash());
        return page(new HashCursor(date, top), limit);
    }

    private static byte[] maxHash() {
        byte[] b = new byte[ContentHash.LENGTH];
        java.util.Arrays.fill(b, (byte) 0xff);
        b[ContentHash.LENGTH - 1] = (byte) dev.tusk.media.domain.ImageFormat.values()[dev.tusk.media.domain.ImageFormat.values().length - 1].code();
        return b;
    }

    @SuppressWarnings("unchecked")
    private List<HashCursor> rows(String sql, HashCursor bound, int limit) {
        var q = em.createNativeQuery(sql).setParameter("limit", limit);
        if (bound != null) {
            q.setParameter("at", OffsetDateTime.ofInstant(bound.createdAt(), ZoneOffset.UTC)).setParameter("hash", bound.hash().bytes());
        }
        return ((List<Object[]>) q.getResultList()).stream()
                .map(r -> new HashCursor(instant(r[1]), ContentHash.fromBytes((byte[]) r[0]))).toList();
    }

    /** Hibernate answers a native timestamptz as Instant or OffsetDateTime, by version. */
    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }

    private static MediaRepository.HashPage page(List<HashCursor> rows, List<HashCursor> before, int limit) {
        List<ContentHash> page = rows.stream().limit(limit).map(HashCursor::hash).toList();
        HashCursor next = rows.size() > limit ? rows.get(limit) : null;
        HashCursor prev = before.isEmpty() ? null : before.get(before.size() - 1);
        return new MediaRepository.HashPage(page, prev, next);
    }

    @Override
    public Optional<HashCursor> bound(ContentHash hash) {
        return Optional.ofNullable(em.find(HashEntity.class, hash.bytes())).map(h -> new HashCursor(h.createdAt.toInstant(), hash));
    }

    @Override
    public void relateMotionIdentifier(ContentHash hash, FileIdentifier identifier) {
        em.createQuery("UPDATE HashEntity h SET h.motionIdentifier = :i WHERE h.hash = :h")
                .setParameter("i", identifier.value()).setParameter("h", hash.bytes()).executeUpdate();
    }

    @Override
    public Optional<FileIdentifier> motionIdentifier(ContentHash hash) {
        return Optional.ofNullable(em.find(HashEntity.class, hash.bytes())).map(h -> h.motionIdentifier).map(FileIdentifier::new);
    }

    @Override
    public void relateBlurhash(ContentHash hash, String blurhash) {
        em.createQuery("UPDATE HashEntity h SET h.blurhash = :b WHERE h.hash = :h")
                .setParameter("b", blurhash).setParameter("h", hash.bytes()).executeUpdate();
    }

    @Override
    public Optional<String> blurhash(ContentHash hash) {
        return Optional.ofNullable(em.find(HashEntity.class, hash.bytes())).map(h -> h.blurhash);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ContentHash> slice(int index, int count, ContentHash after, int limit) {
        List<byte[]> rows = em.createNativeQuery("SELECT hash FROM hashes WHERE get_byte(hash, 0) % :count = :index AND hash > :after"
                + " ORDER BY hash LIMIT :limit")
                .setParameter("count", count).setParameter("index", index)
                .setParameter("after", after == null ? new byte[0] : after.bytes()).setParameter("limit", limit).getResultList();
        return rows.stream().map(ContentHash::fromBytes).toList();
    }

    @Override
    public void cleanup(ContentHash hash) {
        em.createQuery("DELETE FROM HashEntity h WHERE h.hash = :h").setParameter("h", hash.bytes()).executeUpdate();
    }
}
