package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A row of {@code proxies}: a remote URL kept under an alias. */
@Entity
@Table(name = "proxies")
public class ProxyEntity {
    @Id @Column(name = "url") String url;
    @Column(name = "alias", nullable = false) String alias;
    @Column(name = "accessed", nullable = false) OffsetDateTime accessed;
}
