package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.NamedParameterSql;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.WriteBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * MoChi's storage totals without a statement over the whole table: {@code mo_peers} is cut into
 * {@link InfoHashRanges} of about {@code tracker.pg.statistics.rows_per_range} rows, each counted
 * by one short statement over the primary key, kept as {@link RangeTotals}: every call counts
 * ranges again for up to 50 ms, oldest first. A small table is one range, counted exactly on
 * every call; at ten million rows a full pass takes tens of seconds at one call a second, while
 * this node's own writes are in the totals as soon as they are in the table.
 */
@ApplicationScoped
class PostgresStatisticsSweep {
    private static final long BUDGET_NANOS = 50_000_000L;
    /**
     * Grouped by swarm in index order rather than {@code COUNT(DISTINCT info_hash)}, which sorts
     * every row of the range: about 40 % less work a range (64 ms instead of 108 ms for 430,000 rows).
     */
    private static final NamedParameterSql RANGE = NamedParameterSql.parse(
            "SELECT COUNT(*), COALESCE(SUM(s), 0), COALESCE(SUM(l), 0) FROM (SELECT COUNT(*) FILTER (WHERE is_seeder) AS s,"
                    + " COUNT(*) FILTER (WHERE NOT is_seeder) AS l FROM mo_peers"
                    + " WHERE info_hash >= @from_hash AND info_hash < @to_hash GROUP BY info_hash) AS swarms", List.of());
    private static final NamedParameterSql ESTIMATE = NamedParameterSql.parse(InfoHashRanges.ESTIMATE, List.of());

    @Inject PostgresStatements sql;
    @Inject PostgresQueries queries;

    private final RangeTotals totals = new RangeTotals(this::count, System::nanoTime, BUDGET_NANOS);

    StoreStatistics statistics() {
        // a table not analyzed yet (one that grew since start) would be one range counted whole every call
        long rows = Math.max(totals.peers(), sql.query(ESTIMATE, Map.of(), rs -> rs.next() ? rs.getLong(1) : 0L));
        return totals.sweep(InfoHashRanges.count(rows, queries.rowsPerRange()));
    }

    /** A batch the store has. */
    void written(WriteBatch batch) {
        totals.written(batch);
    }

    /** Rows garbage collection removed. */
    void removed(long rows) {
        totals.removed(rows);
    }

    private long[] count(int range, int of) {
        return sql.query(RANGE, Map.of("from_hash", InfoHashRanges.from(range, of), "to_hash", InfoHashRanges.to(range, of)),
                PostgresStatisticsSweep::counts);
    }

    private static long[] counts(ResultSet rs) throws SQLException {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
    }
}
