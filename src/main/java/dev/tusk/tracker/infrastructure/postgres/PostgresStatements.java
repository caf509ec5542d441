package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.NamedParameterSql;
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
import java.util.IdentityHashMap;
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

    /** The tracker's own pool, whose commits do not wait for the disk (wildfly/configure.cli). */
    static final String TRACKER_DATASOURCE = "java:jboss/datasources/TuskTrackerDS";

    @Resource(lookup = TRACKER_DATASOURCE) private DataSource dataSource;

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

    /** One statement of a {@link #pipeline}: a query whose rows {@code reader} reads into a {@code T}, or an update. */
    record Step<T>(NamedParameterSql sql, Map<String, Object> args, RowReader<T> reader) {

        /** An update: its result is the update count. */
        static Step<Integer> update(NamedParameterSql sql, Map<String, Object> args) {
            return new Step<>(sql, args, null);
        }
    }

    /** What each step of a pipeline gave, asked for by the step. */
    static final class Results {
        private final Map<Step<?>, Object> byStep = new IdentityHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(Step<T> step) {
            if (!byStep.containsKey(step)) {
                throw new IllegalArgumentException("not a step of this pipeline: " + step.sql().jdbcSql());
            }
            return (T) byStep.get(step);
        }
    }

    /**
     * Runs several statements in one round trip (the driver sends them under one Sync, so they
     * also run as one implicit transaction).
     *
     * @return what each step gave: its update count, or what its reader read
     */
    Results pipeline(List<? extends Step<?>> steps) {
        StringBuilder sqlText = new StringBuilder();
        for (Step<?> step : steps) {
            sqlText.append(sqlText.length() == 0 ? "" : ";\n").append(step.sql().jdbcSql());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sqlText.toString())) {
            int offset = 0;
            for (Step<?> step : steps) {
                bind(c, ps, offset, step.sql(), step.args());
                offset += step.sql().parameterNames().size();
            }
            Results results = new Results();
            boolean isResultSet = ps.execute();
            for (Step<?> step : steps) {
                if (step.reader() == null) {
                    results.byStep.put(step, ps.getUpdateCount());
                } else {
                    if (!isResultSet) {
                        throw new SQLException("expected rows from: " + step.sql().jdbcSql());
                    }
                    try (ResultSet rs = ps.getResultSet()) {
                        results.byStep.put(step, step.reader().read(rs));
                    }
                }
                isResultSet = ps.getMoreResults();
            }
            return results;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A statement run once per argument set, as one JDBC batch. */
    record Batched(NamedParameterSql sql, List<Map<String, Object>> argSets) {
    }

    /** Runs the batches in order in one transaction: all of them, or none. */
    void transaction(List<Batched> batches) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Batched b : batches) {
                    if (b.argSets().isEmpty()) {
                        continue;
                    }
                    try (PreparedStatement ps = c.prepareStatement(b.sql().jdbcSql())) {
                        for (Map<String, Object> args : b.argSets()) {
                            bind(c, ps, b.sql(), args);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
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
        bind(c, ps, 0, sql, args);
    }

    /** Binds the statement's arguments to the placeholders after the first {@code offset}. */
    private void bind(Connection c, PreparedStatement ps, int offset, NamedParameterSql sql, Map<String, Object> args)
            throws SQLException {
        List<String> names = sql.parameterNames();
        for (int i = 0; i < names.size(); i++) {
            int index = offset + i + 1;
            Object value = args.get(names.get(i));
            if (value == null) {
                ps.setNull(index, Types.NULL);
            } else if (value instanceof byte[] bytes) {
                ps.setBytes(index, bytes);
            } else if (value instanceof byte[][] || value instanceof int[] || value instanceof long[] || value instanceof boolean[]) {
                // the driver sends these in PostgreSQL's binary array format: no hex or text to
                // write here and parse there, for every peer of a write-behind batch
                ps.setObject(index, value);
            } else if (value instanceof String[] texts) {
                ps.setArray(index, c.createArrayOf("text", texts));
            } else if (value instanceof InetAddress address) {
                if (isBytea(c, sql, i + 1)) {
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

    /** Asks the server once per statement what type the address placeholder has. */
    private boolean isBytea(Connection c, NamedParameterSql sql, int index) throws SQLException {
        Boolean known = addressIsBytea.get(sql);
        if (known == null) {
            try (PreparedStatement describe = c.prepareStatement(sql.jdbcSql())) {
                known = "bytea".equalsIgnoreCase(describe.getParameterMetaData().getParameterTypeName(index));
            }
            addressIsBytea.put(sql, known);
        }
        return known;
    }

    private static StoreUnavailableException failure(SQLException e) {
        return new StoreUnavailableException("PostgreSQL store failed: " + e.getMessage(), e);
    }
}
