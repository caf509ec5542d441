package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.infrastructure.PeerStoreContract;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on PostgreSQL, inside the running server. */
@ExtendWith(ArquillianExtension.class)
public class PostgresPeerStoreIT extends PeerStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(PostgresPeerStoreIT.class, PeerStoreContract.class);
    }

    @Inject PostgresPeerStore peers;
    @Inject PostgresDataStore data;
    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    @Override
    protected PeerStore store() {
        return peers;
    }

    @Override
    protected StoreMaintenance maintenance() {
        return peers;
    }

    @Override
    protected DataStore data() {
        return data;
    }

    @Override
    protected void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) throws Exception {
        age(dataSource, infoHash, peer, when);
    }

    /** Sets a peer's row in mo_peers as last seen at {@code when}. */
    public static void age(DataSource dataSource, InfoHash infoHash, Peer peer, Instant when) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE mo_peers SET created = ? WHERE info_hash = ? AND peer_id = ? AND port = ?")) {
            ps.setObject(1, when.atOffset(ZoneOffset.UTC).toLocalDateTime());
            ps.setBytes(2, infoHash.bytes());
            ps.setBytes(3, peer.id().bytes());
            ps.setInt(4, peer.port());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no such peer");
            }
        }
    }
}
