package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The repository's counts in one statement. */
@ApplicationScoped
public class JpaCounts implements MediaRepository.Counts {

    @PersistenceContext(unitName = "tusk")
    EntityManager em;

    @Override
    public Figures now() {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM hashes), (SELECT count(*) FROM aliases),
                       (SELECT count(*) FROM uploads WHERE result IS NULL)""").getSingleResult();
        return new Figures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
    }
}
