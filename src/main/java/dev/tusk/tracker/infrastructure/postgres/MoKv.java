package dev.tusk.tracker.infrastructure.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/** A row of {@code mo_kv}: MoChi's data store, read by operators' views. */
@Entity
@Table(name = "mo_kv")
@IdClass(MoKv.Key.class)
@NamedQuery(name = MoKv.KEYS_BY_CONTEXT, query = "SELECT k.name FROM MoKv k WHERE k.context = :context ORDER BY k.name")
public class MoKv {
    static final String KEYS_BY_CONTEXT = "MoKv.keysByContext";

    @Id @Column(name = "context") private String context;
    @Id @Column(name = "name") private byte[] name;
    @Column(name = "value") private byte[] value;

    public String context() {
        return context;
    }

    public byte[] name() {
        return name.clone();
    }

    public byte[] value() {
        return value == null ? null : value.clone();
    }

    /** The composite primary key (context, name). */
    public static class Key implements Serializable {
        private String context;
        private byte[] name;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(context, k.context) && Arrays.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(context, Arrays.hashCode(name));
        }
    }
}
