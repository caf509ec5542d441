package dev.tusk.tracker.application;

import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.infrastructure.PeerStoreContract;
import dev.tusk.tracker.infrastructure.postgres.PostgresPeerStoreIT;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.time.Instant;
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
        return Deployments.tusk(CachedPeerStoreIT.class, PeerStoreContract.class, PostgresPeerStoreIT.class);
    }

    @Inject CachedPeerStore peers;
    @Inject DataStore data;
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

    /** Writes the swarm out, ages the row in PostgreSQL, and has the cache read the swarm again. */
    @Override
    protected void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) throws Exception {
        peers.flush();
        PostgresPeerStoreIT.age(dataSource, infoHash, peer, when);
        peers.forget(infoHash);
    }
}
