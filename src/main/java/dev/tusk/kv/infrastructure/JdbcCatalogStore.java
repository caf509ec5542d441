package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.CatalogStore;
import dev.tusk.platform.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The catalog in Tusk's database (kv_zone, kv_shard, kv_shard_instance, kv_namespace). */
@ApplicationScoped
public class JdbcCatalogStore implements CatalogStore {

    @Resource(lookup = SchemaMigrations.DATASOURCE) private DataSource dataSource;

    @Override
    public Catalog load() {
        try (Connection c = dataSource.getConnection()) {
            return load(c);
        } catch (SQLException e) {
            throw new IllegalStateException("the KV catalog cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public long version() {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM kv_catalog_version")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("the KV catalog cannot be read: " + e.getMessage(), e);
        }
    }

    private static Catalog load(Connection c) throws SQLException {
        List<String> zones = new ArrayList<>();
        List<Catalog.Shard> shards = new ArrayList<>();
        List<Catalog.ShardInstance> instances = new ArrayList<>();
        List<Catalog.Namespace> namespaces = new ArrayList<>();
        try (var s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT name FROM kv_zone ORDER BY name")) {
                while (rs.next()) {
                    zones.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, position FROM kv_shard ORDER BY position")) {
                while (rs.next()) {
                    shards.add(new Catalog.Shard(rs.getString(1), rs.getInt(2)));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, shard, zone, jdbc_url, username, password, decommissioned FROM kv_shard_instance ORDER BY id")) {
                while (rs.next()) {
                    instances.add(new Catalog.ShardInstance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, expire_after_seconds FROM kv_namespace ORDER BY name")) {
                while (rs.next()) {
                    long seconds = rs.getLong(2);
                    Long expiry = rs.wasNull() ? null : seconds;
                    namespaces.add(new Catalog.Namespace(rs.getString(1), expiry));
                }
            }
        }
        return new Catalog(zones, shards, instances, namespaces);
    }

    @Override
    public Catalog edit(Consumer<Editor> edits) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                edits.accept(new SqlEditor(c));
                Catalog after = load(c);
                if (!after.shardsContiguous()) {
                    throw new IllegalArgumentException("shard positions must be 0.." + (after.shards().size() - 1)
                            + " without gaps (a key's shard is its hash modulo the number of shards)");
                }
                c.commit();
                return after;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the KV catalog cannot be changed: " + e.getMessage(), e);
        }
    }

    /** Catalog edits as SQL; a constraint the change breaks becomes IllegalArgumentException. */
    private record SqlEditor(Connection c) implements Editor {
        private static final String NAME_RULE = "a name is 1 to 64 letters, digits, '.', '_' or '-', and numbers must be positive";

        private int run(String sql, Object... args) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] == null) {
                        ps.setNull(i + 1, Types.NULL);
                    } else {
                        ps.setObject(i + 1, args[i]);
                    }
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                // 23: a constraint; 22: a value PostgreSQL cannot hold (a NUL, a number out of range)
                if (e.getSQLState() != null && (e.getSQLState().startsWith("23") || e.getSQLState().startsWith("22"))) {
                    throw new IllegalArgumentException(refusal(e), e);
                }
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private static String refusal(SQLException e) {
            return switch (e.getSQLState()) {
                case "23503" -> "it is still used, or names something that does not exist";
                case "23505" -> "it would duplicate an existing entry (one instance per shard and zone, one position per shard)";
                case "23514" -> NAME_RULE;
                default -> e.getSQLState().startsWith("22") ? NAME_RULE : "the catalog refuses it";
            };
        }

        private void mustChange(int rows, String what) {
            if (rows == 0) {
                throw new java.util.NoSuchElementException("no " + what);
            }
        }

        @Override
        public void putZone(String name) {
            run("INSERT INTO kv_zone (name) VALUES (?) ON CONFLICT DO NOTHING", name);
        }

        @Override
        public void removeZone(String name) {
            mustChange(run("DELETE FROM kv_zone WHERE name = ?", name), "zone " + name);
        }

        @Override
        public void putShard(String name, int position) {
            run("INSERT INTO kv_shard (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position",
                    name, position);
        }

        @Override
        public void removeShard(String name) {
            mustChange(run("DELETE FROM kv_shard WHERE name = ?", name), "shard " + name);
        }

        @Override
        public void putInstance(Catalog.ShardInstance i) {
            run("INSERT INTO kv_shard_instance (id, shard, zone, jdbc_url, username, password) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET shard = excluded.shard, zone = excluded.zone, jdbc_url = excluded.jdbc_url,"
                    + " username = excluded.username, password = excluded.password, decommissioned = false",
                    i.id(), i.shard(), i.zone(), i.jdbcUrl(), i.username(), i.password());
        }

        @Override
        public void decommission(String instanceId) {
            mustChange(run("UPDATE kv_shard_instance SET decommissioned = true WHERE id = ?", instanceId), "shard instance " + instanceId);
        }

        @Override
        public void removeInstance(String instanceId) {
            mustChange(run("DELETE FROM kv_shard_instance WHERE id = ?", instanceId), "shard instance " + instanceId);
        }

        @Override
        public void putNamespace(Catalog.Namespace n) {
            run("INSERT INTO kv_namespace (name, expire_after_seconds) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET expire_after_seconds = excluded.expire_after_seconds",
                    n.name(), n.expireAfterSeconds());
        }

        @Override
        public void removeNamespace(String name) {
            mustChange(run("DELETE FROM kv_namespace WHERE name = ?", name), "namespace " + name);
        }
    }
}
