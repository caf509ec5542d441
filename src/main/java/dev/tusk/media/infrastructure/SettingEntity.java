package dev.tusk.media.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code settings}. */
@Entity
@Table(name = "settings")
public class SettingEntity {
    @Id @Column(name = "key") String key;
    @Column(name = "value", nullable = false) byte[] value;
}
