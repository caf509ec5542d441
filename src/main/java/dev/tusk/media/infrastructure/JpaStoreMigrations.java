package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** {@code store_migrations}: what a store migration already copied, kept until it is done. */
@ApplicationScoped
@Transactional
public class JpaStoreMigrations implements MediaRepository.StoreMigrations {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public boolean isContinuing() {
        return !em.createQuery("SELECT m.oldIdentifier FROM StoreMigrationEntity m", String.class).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void markMigrated(FileIdentifier oldIdentifier, FileIdentifier newIdentifier) {
        em.createNativeQuery("INSERT INTO store_migrations (old_identifier, new_identifier) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, oldIdentifier.value()).setParameter(2, newIdentifier.value()).executeUpdate();
    }

    @Override
    public boolean isMigrated(FileIdentifier oldIdentifier) {
        return em.find(StoreMigrationEntity.class, oldIdentifier.value()) != null;
    }

    @Override
    public java.util.Optional<FileIdentifier> migrated(FileIdentifier oldIdentifier) {
        return java.util.Optional.ofNullable(em.find(StoreMigrationEntity.class, oldIdentifier.value())).map(m -> new FileIdentifier(m.newIdentifier));
    }

    @Override
    public void clear() {
        em.createQuery("DELETE FROM StoreMigrationEntity m").executeUpdate();
    }
}
