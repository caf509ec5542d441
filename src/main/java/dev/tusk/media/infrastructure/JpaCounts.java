package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The repository's counts in one statement. */
@ApplicationScoped
public class JpaCounts implements MediaRepository.Counts {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public Figures now() {
        // a hash is 32 bytes of SHA-256, the size in 6 bytes (big-endian), the format
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH originals AS (
                    SELECT identifier LIKE 's3:%' AS s3, ('x' || encode(substring(hash FROM 33 FOR 6), 'hex'))::bit(48)::bigint AS size
                    FROM hashes)
                SELECT (SELECT count(*) FROM originals), (SELECT count(*) FROM aliases),
                       (SELECT count(*) FROM uploads WHERE result IS NULL),
                       (SELECT coalesce(sum(size), 0) FROM originals WHERE NOT s3),
                       (SELECT coalesce(sum(size), 0) FROM originals WHERE s3)""").getSingleResult();
        return new Figures(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
