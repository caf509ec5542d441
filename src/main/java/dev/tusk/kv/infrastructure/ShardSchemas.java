package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Brings a shard instance's schema to this build's version with its own versioned scripts
 * ({@code META-INF/db/kv-shard}, history table {@code kv_schema_history}); done once per
 * instance by the nodes that serve its zone, before they write or replicate into it.
 */
@ApplicationScoped
public class ShardSchemas {
    private static final Logger LOG = Logger.getLogger(ShardSchemas.class.getName());
    private final Set<String> migrated = ConcurrentHashMap.newKeySet();

    public synchronized void migrate(ShardInstance instance) {
        if (migrated.contains(instance.id())) {
            return;
        }
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(instance.jdbcUrl(), instance.username(), instance.password())
                .locations("classpath:META-INF/db/kv-shard")
                .table("kv_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .connectRetries(0)
                .load()
                .migrate();
        migrated.add(instance.id());
        LOG.info(() -> "KV shard instance " + instance.id() + " at schema version " + result.targetSchemaVersion);
    }
}
