package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** {@code uploads}: an empty row while an upload is ingested, then its result until claimed. */
@ApplicationScoped
@Transactional
public class JpaUploads implements MediaRepository.Uploads {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public UUID create() {
        UploadEntity u = new UploadEntity();
        u.id = UUID.randomUUID();
        u.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(u);
        return u.id;
    }

    @Override
    public Optional<String> result(UUID id) {
        UploadEntity u = em.find(UploadEntity.class, id);
        if (u == null) {
            throw new NoSuchElementException("no upload " + id);
        }
        em.refresh(u);
        return Optional.ofNullable(u.result);
    }

    @Override
    public void complete(UUID id, String resultJson) {
        em.createNativeQuery("UPDATE uploads SET result = cast(?1 as jsonb) WHERE id = ?2").setParameter(1, resultJson).setParameter(2, id)
                .executeUpdate();
    }

    @Override
    public boolean claim(UUID id) {
        return em.createQuery("DELETE FROM UploadEntity u WHERE u.id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public int expire(Instant before) {
        return em.createQuery("DELETE FROM UploadEntity u WHERE u.createdAt < :t")
                .setParameter("t", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).executeUpdate();
    }
}
