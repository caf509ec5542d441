package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.Alias;
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

/** {@code proxies}: remote URLs and the aliases their copies are served by. */
@ApplicationScoped
@Transactional
public class JpaProxies implements MediaRepository.Proxies {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public Inserted relate(String url, Alias alias) {
        int rows = em.createNativeQuery("INSERT INTO proxies (url, alias) VALUES (?1, ?2) ON CONFLICT (url) DO NOTHING")
                .setParameter(1, url).setParameter(2, alias.value()).executeUpdate();
        return Inserted.ofRows(rows);
    }

    @Override
    public Optional<Alias> related(String url) {
        return Optional.ofNullable(em.find(ProxyEntity.class, url)).map(p -> new Alias(p.alias));
    }

    @Override
    public void removeRelation(Alias alias) {
        em.createQuery("DELETE FROM ProxyEntity p WHERE p.alias = :a").setParameter("a", alias.value()).executeUpdate();
    }

    @Override
    public void accessed(String url) {
        em.createNativeQuery("UPDATE proxies SET accessed = now() WHERE url = ?1").setParameter(1, url).executeUpdate();
    }

    @Override
    public List<Alias> olderThan(Instant before, int limit) {
        return em.createQuery("SELECT p.alias FROM ProxyEntity p WHERE p.accessed < :t ORDER BY p.accessed, p.url", String.class)
                .setParameter("t", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)).setMaxResults(limit).getResultStream().map(Alias::new).toList();
    }
}
