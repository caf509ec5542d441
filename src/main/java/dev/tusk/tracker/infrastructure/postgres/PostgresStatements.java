package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.NamedParameterSql;
import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Runs the configured statements with their named arguments on Tusk's datasource (joining the
 * caller's transaction when there is one). An address is bound as {@code inet} text, or as raw
 * bytes where the server says the parameter is {@code bytea} (MoChi allows both column types).
 * Every failure surfaces as {@link StoreUnavailableException}.
 */
@ApplicationScoped
class PostgresStatements {

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Resource(lookup = SchemaMigrations.DATASOURCE)
    private DataSource dataSource;

    /** Per statement: whether its address parameter is bytea; learned once from the server. */
    private final Map<NamedParameterSql, Boolean> addressIsBytea = new ConcurrentHashMap<>();

    int update(NamedParameterSql sql, Map<String, Object> args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            bind(c, ps, sql, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    <T> T query(NamedParameterSql sql, Map<String, Object> args, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            bind(c, ps, sql, args);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs the statement once per argument set, as one JDBC batch. */
    void batch(NamedParameterSql sql, List<Map<String, Object>> argSets) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            for (Map<String, Object> args : argSets) {
                bind(c, ps, sql, args);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void bind(Connection c, PreparedStatement ps, NamedParameterSql sql, Map<String, Object> args)
            throws SQLException {
        List<String> names = sql.parameterNames();
        for (int i = 0; i < names.size(); i++) {
            int index = i + 1;
            Object value = args.get(names.get(i));
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof byte[] bytes) {
                ps.setBytes(index, bytes);
            } else if (value instanceof byte[][] many) {
                ps.setArray(index, c.createArrayOf("bytea", many));
            } else if (value instanceof InetAddress address) {
                if (isBytea(ps, sql, index)) {
                    ps.setBytes(index, address.getAddress());
                } else {
                    ps.setObject(index, address.getHostAddress(), Types.OTHER);
                }
            } else if (value instanceof LocalDateTime time) {
                ps.setObject(index, time);
            } else {
                ps.setObject(index, value);
            }
        }
    }

    private boolean isBytea(PreparedStatement ps, NamedParameterSql sql, int index) throws SQLException {
        Boolean known = addressIsBytea.get(sql);
        if (known == null) {
            known = "bytea".equalsIgnoreCase(ps.getParameterMetaData().getParameterTypeName(index));
            addressIsBytea.put(sql, known);
        }
        return known;
    }

    private static StoreUnavailableException failure(SQLException e) {
        return new StoreUnavailableException("PostgreSQL store failed: " + e.getMessage(), e);
    }
}
