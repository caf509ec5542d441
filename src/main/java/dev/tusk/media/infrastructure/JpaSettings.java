package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** {@code settings}: small values the service keeps (upsert). */
@ApplicationScoped
@Transactional
public class JpaSettings implements MediaRepository.Settings {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public void set(String key, byte[] value) {
        em.createNativeQuery("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                .setParameter(1, key).setParameter(2, value).executeUpdate();
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(em.find(SettingEntity.class, key)).map(s -> s.value);
    }

    @Override
    public void remove(String key) {
        em.createQuery("DELETE FROM SettingEntity s WHERE s.key = :k").setParameter("k", key).executeUpdate();
    }
}
