package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@code aliases}: the names images are served by, each with its delete token. */
@ApplicationScoped
@Transactional
public class JpaAliases implements MediaRepository.Aliases {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public Inserted create(Alias alias, String token, ContentHash hash) {
        int rows = em.createNativeQuery("INSERT INTO aliases (alias, hash, token) VALUES (?1, ?2, ?3) ON CONFLICT (alias) DO NOTHING")
                .setParameter(1, alias.value()).setParameter(2, hash.bytes()).setParameter(3, token).executeUpdate();
        return Inserted.ofRows(rows);
    }

    @Override
    public Optional<String> deleteToken(Alias alias) {
        return Optional.ofNullable(em.find(AliasEntity.class, alias.value())).map(a -> a.token);
    }

    @Override
    public Optional<ContentHash> hash(Alias alias) {
        return Optional.ofNullable(em.find(AliasEntity.class, alias.value())).map(a -> ContentHash.fromBytes(a.hash));
    }

    @Override
    public List<Alias> forHash(ContentHash hash) {
        return em.createQuery("SELECT a.alias FROM AliasEntity a WHERE a.hash = :h ORDER BY a.alias", String.class)
                .setParameter("h", hash.bytes()).getResultStream().map(Alias::new).toList();
    }

    @Override
    public void cleanup(Alias alias) {
        em.createQuery("DELETE FROM AliasEntity a WHERE a.alias = :a").setParameter("a", alias.value()).executeUpdate();
    }
}
