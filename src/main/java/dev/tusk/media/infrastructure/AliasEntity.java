package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code aliases}. */
@Entity
@Table(name = "aliases")
public class AliasEntity {
    @Id @Column(name = "alias") String alias;
    @Column(name = "hash", nullable = false) byte[] hash;
    @Column(name = "token", nullable = false) String token;
}
