package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** {@code details}: an identifier's details as JSON in pict-rs's shape; the first write wins. */
@ApplicationScoped
@Transactional
public class JpaDetails implements MediaRepository.Details {

    @PersistenceContext(unitName = "tusk") EntityManager em;

    @Override
    public void relate(FileIdentifier identifier, ImageDetails d) {
        em.createNativeQuery("INSERT INTO details (identifier, json) VALUES (?1, cast(?2 as jsonb)) ON CONFLICT (identifier) DO NOTHING")
                .setParameter(1, identifier.value()).setParameter(2, d.json().toString()).executeUpdate();
    }

    @Override
    public Optional<ImageDetails> get(FileIdentifier identifier) {
        return Optional.ofNullable(em.find(DetailsEntity.class, identifier.value())).map(e -> ImageDetails.fromJson(e.json));
    }

    @Override
    public void cleanup(FileIdentifier identifier) {
        em.createQuery("DELETE FROM DetailsEntity d WHERE d.identifier = :i").setParameter("i", identifier.value()).executeUpdate();
    }
}
