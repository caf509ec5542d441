package dev.tusk.tracker.application;

import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.infrastructure.PeerStoreContract;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The store contract against the tracker's own {@link PeerStore}: swarms served from memory, written
 * behind to PostgreSQL. Reads come from memory; GC and statistics reach the store.
 */
@ExtendWith(ArquillianExtension.class)
class CachedPeerStoreIT extends PeerStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(CachedPeerStoreIT.class, PeerStoreContract.class);
    }

    @Inject
    CachedPeerStore peers;
    @Inject
    DataStore data;
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    @Override
    protected PeerStore store() {
        return peers;
    }

    @Override
    protected DataStore data() {
        return data;
    }

    /** Writes the swarm out, ages the row in PostgreSQL, and has the cache read the swarm again. */
    @Override
    protected void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) throws Exception {
        peers.flush();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE mo_peers SET created = ? WHERE info_hash = ? AND peer_id = ? AND port = ? AND is_seeder = ?")) {
            ps.setObject(1, when.atOffset(ZoneOffset.UTC).toLocalDateTime());
            ps.setBytes(2, infoHash.bytes());
            ps.setBytes(3, peer.id().bytes());
            ps.setInt(4, peer.port());
            ps.setBoolean(5, seeder);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no such peer");
            }
        }
        peers.forget(infoHash);
    }
}
