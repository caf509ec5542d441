package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.NamedParameterSql;
import dev.tusk.tracker.domain.StoreStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * MoChi's storage totals without a statement over the whole table: {@code mo_peers} is cut into
 * {@link InfoHashRanges} of about {@code tracker.pg.statistics.rows_per_range} rows, each counted
 * by one short statement over the primary key; every call counts ranges again for up to a time budget, oldest first, and
 * answers the sum of every range's last count. A small table is one range, counted exactly on
 * every call; at ten million rows a full pass takes about a minute at one call a second, so the
 * totals lag the table by at most that much, whichever node wrote the rows.
 */
@ApplicationScoped
class PostgresStatisticsSweep {
    private static final long BUDGET_NANOS = 100_000_000L;
    private static final NamedParameterSql RANGE = NamedParameterSql.parse(
            "SELECT COUNT(DISTINCT info_hash), COUNT(*) FILTER (WHERE is_seeder), COUNT(*) FILTER (WHERE NOT is_seeder)"
                    + " FROM mo_peers WHERE info_hash >= @from_hash AND info_hash < @to_hash", List.of());
    private static final NamedParameterSql ESTIMATE = NamedParameterSql.parse(InfoHashRanges.ESTIMATE, List.of());

    @Inject
    PostgresStatements sql;
    @Inject
    PostgresQueries queries;

    /** Per range: info hashes, seeders, leechers; null until counted. */
    private long[][] ranges = new long[0][];
    private int next;

    synchronized StoreStatistics statistics() {
        long rows = sql.query(ESTIMATE, Map.of(), rs -> rs.next() ? rs.getLong(1) : 0L);
        int wanted = InfoHashRanges.count(rows, queries.rowsPerRange());
        if (wanted != ranges.length) {
            ranges = new long[wanted][];
            next = 0;
        }
        long started = System.nanoTime();
        int counted = 0;
        while (counted < ranges.length
                && (counted == 0 || ranges[next] == null || System.nanoTime() - started < BUDGET_NANOS)) {
            ranges[next] = count(next, ranges.length);
            next = (next + 1) % ranges.length;
            counted++;
        }
        long[] sum = new long[3];
        for (long[] r : ranges) {
            for (int i = 0; i < 3; i++) {
                sum[i] += r[i];
            }
        }
        return new StoreStatistics(sum[0], sum[1], sum[2]);
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
