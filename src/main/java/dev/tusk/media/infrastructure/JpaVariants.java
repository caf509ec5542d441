package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code variants}: generated versions of an image (one per hash and variant name). */
@ApplicationScoped
@Transactional
public class JpaVariants implements MediaRepository.Variants {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public Inserted relate(ContentHash hash, String variant, FileIdentifier identifier) {
        int rows = em.createNativeQuery("INSERT INTO variants (id, hash, variant, identifier) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (hash, variant) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, hash.bytes()).setParameter(3, variant).setParameter(4, identifier.value())
                .executeUpdate();
        return Inserted.ofRows(rows);
    }

    @Override
    public Optional<FileIdentifier> identifier(ContentHash hash, String variant) {
        return em.createQuery("SELECT v.identifier FROM VariantEntity v WHERE v.hash = :h AND v.variant = :v", String.class)
                .setParameter("h", hash.bytes()).setParameter("v", variant).getResultStream().findFirst().map(FileIdentifier::new);
    }

    @Override
    public List<Variant> all(ContentHash hash) {
        return em.createQuery("SELECT v FROM VariantEntity v WHERE v.hash = :h ORDER BY v.variant", VariantEntity.class)
                .setParameter("h", hash.bytes()).getResultStream().map(v -> new Variant(v.variant, new FileIdentifier(v.identifier))).toList();
    }

    @Override
    public void remove(ContentHash hash, String variant) {
        em.createQuery("DELETE FROM VariantEntity v WHERE v.hash = :h AND v.variant = :v")
                .setParameter("h", hash.bytes()).setParameter("v", variant).executeUpdate();
    }

    @Override
    public List<Map.Entry<ContentHash, String>> olderThan(Instant before, int limit) {
        return em.createQuery("SELECT v FROM VariantEntity v WHERE v.accessed < :t ORDER BY v.accessed, v.id", VariantEntity.class)
                .setParameter("t", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setMaxResults(limit).getResultStream()
                .map(v -> Map.entry(ContentHash.fromBytes(v.hash), v.variant)).toList();
    }

    @Override
    public List<Map.Entry<ContentHash, String>> any(int limit) {
        return em.createQuery("SELECT v FROM VariantEntity v ORDER BY v.id", VariantEntity.class).setMaxResults(limit)
                .getResultStream().map(v -> Map.entry(ContentHash.fromBytes(v.hash), v.variant)).toList();
    }

    @Override
    public void updateIdentifier(ContentHash hash, String variant, FileIdentifier identifier) {
        em.createQuery("UPDATE VariantEntity v SET v.identifier = :i WHERE v.hash = :h AND v.variant = :v")
                .setParameter("i", identifier.value()).setParameter("h", hash.bytes()).setParameter("v", variant).executeUpdate();
    }

    @Override
    public void accessed(ContentHash hash, String variant) {
        em.createNativeQuery("UPDATE variants SET accessed = now() WHERE hash = ?1 AND variant = ?2")
                .setParameter(1, hash.bytes()).setParameter(2, variant).executeUpdate();
    }
}
