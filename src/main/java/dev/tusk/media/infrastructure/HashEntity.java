package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code hashes}. */
@Entity
@Table(name = "hashes")
public class HashEntity {
    @Id @Column(name = "hash") byte[] hash;
    @Column(name = "identifier", nullable = false) String identifier;
    @Column(name = "motion_identifier") String motionIdentifier;
    @Column(name = "blurhash") String blurhash;
    @Column(name = "created_at", nullable = false) OffsetDateTime createdAt;
}
