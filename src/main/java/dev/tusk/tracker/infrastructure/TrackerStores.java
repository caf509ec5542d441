package dev.tusk.tracker.infrastructure;

import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.StoreOfRecord;
import dev.tusk.tracker.domain.SwarmBrowser;
import dev.tusk.tracker.domain.TrackerStore;
import dev.tusk.tracker.infrastructure.postgres.JpaSwarmBrowser;
import dev.tusk.tracker.infrastructure.postgres.PostgresDataStore;
import dev.tusk.tracker.infrastructure.postgres.PostgresPeerStore;
import dev.tusk.tracker.infrastructure.redis.RedisDataStore;
import dev.tusk.tracker.infrastructure.redis.RedisPeerStore;
import dev.tusk.tracker.infrastructure.redis.RedisSwarmBrowser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tracker's stores (peers, data, and the operators' views of them), chosen by
 * {@code tracker.store}: {@code postgres} (default) or {@code redis}.
 */
@ApplicationScoped
public class TrackerStores {

    @Inject @ConfigProperty(name = "tracker.store") String store;
    @Inject Instance<PostgresPeerStore> postgresPeers;
    @Inject Instance<PostgresDataStore> postgresData;
    @Inject Instance<RedisPeerStore> redisPeers;
    @Inject Instance<RedisDataStore> redisData;
    @Inject Instance<JpaSwarmBrowser> postgresBrowser;
    @Inject Instance<RedisSwarmBrowser> redisBrowser;

    private boolean redis() {
        return switch (store.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "postgres", "pg", "postgresql" -> false;
            case "redis" -> true;
            default -> throw new IllegalStateException("tracker.store is postgres or redis, not " + store);
        };
    }

    /** The store of record; the tracker serves swarms from the cache in front of it. */
    @Produces
    @ApplicationScoped
    @StoreOfRecord
    TrackerStore peerStore() {
        return redis() ? redisPeers.get() : postgresPeers.get();
    }

    @Produces
    @ApplicationScoped
    DataStore dataStore() {
        return redis() ? redisData.get() : postgresData.get();
    }

    @Produces
    @ApplicationScoped
    SwarmBrowser swarmBrowser() {
        return redis() ? redisBrowser.get() : postgresBrowser.get();
    }
}
