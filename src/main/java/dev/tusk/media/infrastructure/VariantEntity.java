package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code variants}. */
@Entity
@Table(name = "variants")
public class VariantEntity {
    @Id @Column(name = "id") UUID id;
    @Column(name = "hash", nullable = false) byte[] hash;
    @Column(name = "variant", nullable = false) String variant;
    @Column(name = "identifier", nullable = false) String identifier;
    @Column(name = "accessed", nullable = false) OffsetDateTime accessed;
}
