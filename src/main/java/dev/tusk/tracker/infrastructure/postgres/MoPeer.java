package dev.tusk.tracker.infrastructure.postgres;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/** A row of {@code mo_peers}, read by operators' views; announces write through the configured SQL. */
@Entity
@Immutable
@Table(name = "mo_peers")
@IdClass(MoPeer.Key.class)
@NamedQuery(name = MoPeer.BY_INFO_HASH, query = "SELECT p FROM MoPeer p WHERE p.infoHash = :infoHash ORDER BY p.created DESC")
public class MoPeer {
    static final String BY_INFO_HASH = "MoPeer.byInfoHash";

    @Id @Column(name = "info_hash") private byte[] infoHash;
    @Id @Column(name = "peer_id") private byte[] peerId;
    @Id @Column(name = "address") @ColumnTransformer(read = "host(address)") private String address;
    @Id @Column(name = "port") private int port;
    @Column(name = "is_seeder") private boolean seeder;
    @Column(name = "is_v6") private boolean v6;
    @Column(name = "created") private LocalDateTime created;

    public byte[] infoHash() {
        return infoHash.clone();
    }

    public byte[] peerId() {
        return peerId.clone();
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    public boolean seeder() {
        return seeder;
    }

    public boolean v6() {
        return v6;
    }

    public LocalDateTime created() {
        return created;
    }

    /** The composite primary key (info_hash, peer_id, address, port). */
    public static class Key implements Serializable {
        private byte[] infoHash;
        private byte[] peerId;
        private String address;
        private int port;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(infoHash, k.infoHash) && Arrays.equals(peerId, k.peerId)
                    && Objects.equals(address, k.address) && port == k.port;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(infoHash), Arrays.hashCode(peerId), address, port);
        }
    }
}
