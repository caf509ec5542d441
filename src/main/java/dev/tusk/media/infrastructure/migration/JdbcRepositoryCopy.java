package dev.tusk.media.infrastructure.migration;

import dev.tusk.media.domain.RepositoryCopy;
import dev.tusk.platform.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * This repository's tables read with JDBC from Tusk's database, and the target written with
 * JDBC on a connection of its own (its schema brought up by Tusk's Flyway migrations).
 */
@ApplicationScoped
public class JdbcRepositoryCopy implements RepositoryCopy {

    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    @Override
    public List<String> tables() {
        return RepoTables.ALL.stream().map(RepoTables.Table::name).toList();
    }

    private static RepoTables.Table table(String name) {
        RepoTables.Table t = RepoTables.BY_NAME.get(name);
        if (t == null) {
            throw new IllegalArgumentException("not a table of the media repository: " + name);
        }
        return t;
    }

    @Override
    public List<Row> read(String table, String afterKey, int limit) {
        RepoTables.Table t = table(table);
        String columns = String.join(", ", t.columns().stream().map(c -> t.jsonColumns().contains(c) ? c + "::text" : c).toList());
        String sql = "SELECT " + columns + " FROM " + t.name() + (afterKey == null ? "" : " WHERE " + t.key() + " > cast(? as " + t.keyType() + ")")
                + " ORDER BY " + t.key() + " LIMIT " + limit;
        List<Row> rows = new ArrayList<>();
        int key = t.columns().indexOf(t.key());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (afterKey != null) {
                ps.setObject(1, keyValue(afterKey));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[t.columns().size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(new Row(keyText(row[key]), row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("media repository: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Keys travel as text (JBeret's repository keeps checkpoints serialized): bytea in hex, the others as they print. */
    private static String keyText(Object key) {
        return key instanceof byte[] b ? "x" + HexFormat.of().formatHex(b) : "s" + key;
    }

    private static Object keyValue(String text) {
        String rest = text.substring(1);
        return text.charAt(0) == 'x' ? HexFormat.of().parseHex(rest) : rest;
    }

    @Override
    public long count(String table) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table(table).name());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("media repository: " + e.getMessage(), e);
        }
    }

    @Override
    public void check(String url, String user) {
        try (Connection c = TargetDatabase.connect(url, user)) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new TargetUnreachable("the target database cannot be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public Target open(String url, String user) {
        TargetDatabase.migrate(url, user);
        try {
            return new JdbcTarget(TargetDatabase.connect(url, user));
        } catch (SQLException e) {
            throw new TargetUnreachable("the target database cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Inserts as they are; a key already there is left as it is, so a run again changes nothing. */
    private record JdbcTarget(Connection connection) implements Target {
        @Override
        public void write(String table, List<Object[]> rows) {
            RepoTables.Table t = table(table);
            String values = String.join(", ", t.columns().stream().map(c -> t.jsonColumns().contains(c) ? "cast(? as jsonb)" : "?").toList());
            String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", t.columns()) + ") VALUES (" + values + ") ON CONFLICT DO NOTHING";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new TargetUnreachable("writing " + table + " into the target: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a connection that failed: nothing to keep
            }
        }
    }
}
