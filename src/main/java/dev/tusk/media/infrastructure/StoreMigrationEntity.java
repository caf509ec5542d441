package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code store_migrations}: a file already copied by a running store migration. */
@Entity
@Table(name = "store_migrations")
public class StoreMigrationEntity {
    @Id @Column(name = "old_identifier") String oldIdentifier;
    @Column(name = "new_identifier", nullable = false) String newIdentifier;
}
