package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.KeyHashing;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.PeerChanges;
import dev.tusk.kv.domain.Progress;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import dev.tusk.kv.domain.WriteOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one shard instance ({@code kv_row}, {@code kv_progress}). Every write keeps the
 * newer version by (ts, origin), whatever order writes arrive in; every change stamps the row
 * with its transaction's xid, which is what peers pull by.
 */
final class ShardRows {
    private static final String COLUMNS = "namespace, key, part, kind, value, ts, origin, expires_at";
    private static final String UPSERT = "INSERT INTO kv_row AS t (" + COLUMNS + ", bucket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (namespace, key, part) DO UPDATE SET kind = excluded.kind, value = excluded.value,"
            + " ts = excluded.ts, origin = excluded.origin, expires_at = excluded.expires_at, xid = pg_current_xact_id()"
            + " WHERE (t.ts, t.origin) < (excluded.ts, excluded.origin)";

    /** The upsert's update half alone, with the same parameters. */
    private static final String UPDATE_EXISTING = "UPDATE kv_row AS t SET kind = n.kind, value = n.value, ts = n.ts,"
            + " origin = n.origin, expires_at = n.expires_at, xid = pg_current_xact_id()"
            + " FROM (VALUES (?, ?, ?, ?, ?::bytea, ?::bigint, ?, ?::timestamptz, ?::int))"
            + " AS n (namespace, key, part, kind, value, ts, origin, expires_at, bucket)"
            + " WHERE t.namespace = n.namespace AND t.key = n.key AND t.part = n.part AND (t.ts, t.origin) < (n.ts, n.origin)";

    private ShardRows() {
    }

    /** The key's rows (its value and any counter parts), expired or not. */
    static List<KvRow> read(Connection c, String namespace, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kv_row WHERE namespace = ? AND key = ?")) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                List<KvRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    /** A local write: stored if newer than what is there, else the winner is returned. */
    static WriteOutcome write(Connection c, KvRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT + " RETURNING ts")) {
            bind(ps, row);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return WriteOutcome.written(row.version());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ts, origin FROM kv_row WHERE namespace = ? AND key = ? AND part = ?")) {
            ps.setString(1, row.namespace());
            ps.setString(2, row.key());
            ps.setString(3, row.part());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Version stored = new Version(rs.getLong(1), rs.getString(2));
                // the same version already stored: this write was applied before (a repeated call)
                return stored.equals(row.version()) ? WriteOutcome.written(stored) : WriteOutcome.lostTo(stored);
            }
        }
    }

    /**
     * Adds to this instance's part of a counter, atomically. A part older than the key's last
     * put or delete starts again from zero; the part's ts stays above that put or delete, so the
     * counter shows.
     */
    static void addToCounter(Connection c, String namespace, String key, String origin, long delta, long nowMicros,
            Instant expiresAt) throws SQLException {
        String sql = """
                WITH main AS (SELECT coalesce(max(ts), -1) AS ts FROM kv_row WHERE namespace = ? AND key = ? AND part = '')
                INSERT INTO kv_row AS t (namespace, key, part, kind, value, ts, origin, expires_at, bucket)
                SELECT ?, ?, ?, 'counter', convert_to(?::text, 'UTF8'), GREATEST(?, main.ts + 1), ?, ?, ? FROM main
                ON CONFLICT (namespace, key, part) DO UPDATE SET
                  value = convert_to(((CASE WHEN t.kind = 'counter' AND t.ts > (SELECT ts FROM main)
                          THEN convert_from(t.value, 'UTF8')::bigint ELSE 0 END) + ?)::text, 'UTF8'),
                  kind = 'counter', ts = GREATEST(excluded.ts, t.ts + 1), origin = excluded.origin,
                  expires_at = excluded.expires_at, xid = pg_current_xact_id()""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, namespace);
            ps.setString(i++, key);
            ps.setString(i++, namespace);
            ps.setString(i++, key);
            ps.setString(i++, origin);
            ps.setString(i++, Long.toString(delta));
            ps.setLong(i++, nowMicros);
            ps.setString(i++, origin);
            setInstant(ps, i++, expiresAt);
            ps.setInt(i++, KeyHashing.bucket(key));
            ps.setLong(i, delta);
            ps.executeUpdate();
        }
    }

    /**
     * A page of the peer's rows changed by transactions that ended before every transaction
     * still open there (xid below its snapshot's xmin), after the keyset position (xid,
     * namespace, key, part), leaving out rows that {@code exceptOrigin} wrote itself.
     */
    static PeerChanges pull(Connection peer, long afterXid, String afterNamespace, String afterKey, String afterPart,
            String exceptOrigin, int limit) throws SQLException {
        String sql = """
                SELECT r.namespace, r.key, r.part, r.kind, r.value, r.ts, r.origin, r.expires_at, r.xid::text,
                       h.horizon::text, h.now_us
                FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon,
                             (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS now_us) h
                LEFT JOIN LATERAL (
                    SELECT * FROM kv_row
                    WHERE xid >= ?::text::xid8 AND xid < h.horizon
                      AND (xid, namespace, key, part) > (?::text::xid8, ?, ?, ?) AND origin <> ?
                    ORDER BY xid, namespace, key, part LIMIT ?) r ON true""";
        try (PreparedStatement ps = peer.prepareStatement(sql)) {
            ps.setString(1, Long.toString(afterXid));
            ps.setString(2, Long.toString(afterXid));
            ps.setString(3, afterNamespace);
            ps.setString(4, afterKey);
            ps.setString(5, afterPart);
            ps.setString(6, exceptOrigin);
            ps.setInt(7, limit);
            try (ResultSet rs = ps.executeQuery()) {
                List<KvRow> rows = new ArrayList<>();
                List<Long> xids = new ArrayList<>();
                long horizon = 0;
                long now = 0;
                while (rs.next()) {
                    horizon = Long.parseLong(rs.getString(10));
                    now = rs.getLong(11);
                    if (rs.getString(1) != null) {
                        rows.add(row(rs));
                        xids.add(Long.parseLong(rs.getString(9)));
                    }
                }
                return new PeerChanges(rows, xids, horizon, now);
            }
        }
    }

    /**
     * Applies rows from a peer and records the progress made, in one transaction: a batch is
     * applied whole or not at all, and applying it again changes nothing.
     *
     * @return how many rows were newer than what this instance had
     */
    static int apply(Connection local, List<KvRow> rows, String peer, long progressXid, long peerNowMicros)
            throws SQLException {
        boolean autoCommit = local.getAutoCommit();
        local.setAutoCommit(false);
        try {
            int applied = applyRows(local, rows);
            try (PreparedStatement ps = local.prepareStatement("INSERT INTO kv_progress (peer, xid, peer_now) VALUES (?, ?::text::xid8, ?)"
                    + " ON CONFLICT (peer) DO UPDATE SET xid = GREATEST(kv_progress.xid, excluded.xid),"
                    + " peer_now = GREATEST(kv_progress.peer_now, excluded.peer_now), updated_at = now()")) {
                ps.setString(1, peer);
                ps.setString(2, Long.toString(progressXid));
                ps.setLong(3, peerNowMicros);
                ps.executeUpdate();
            }
            local.commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            local.rollback();
            throw e;
        } finally {
            local.setAutoCommit(autoCommit);
        }
    }

    /** Applies rows by the (ts, origin) rule, as one JDBC batch; @return rows that were newer. */
    static int applyRows(Connection local, List<KvRow> rows) throws SQLException {
        return applyBatch(local, UPSERT, rows);
    }

    /**
     * Applies rows by the (ts, origin) rule over rows this instance already has, never adding a
     * row: for a peer's settled tombstones, which this instance may have cleaned up already.
     *
     * @return rows that were newer than what this instance had
     */
    static int applyOverExisting(Connection local, List<KvRow> rows) throws SQLException {
        return applyBatch(local, UPDATE_EXISTING, rows);
    }

    /** Runs the statement once per row, as one JDBC batch; @return rows it changed. */
    private static int applyBatch(Connection local, String sql, List<KvRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int applied = 0;
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            for (KvRow row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                applied += n > 0 ? 1 : 0;
            }
        }
        return applied;
    }

    /** How far this instance has pulled from a peer, or null if never. */
    static Progress progress(Connection local, String peer) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("SELECT xid::text, peer_now FROM kv_progress WHERE peer = ?")) {
            ps.setString(1, peer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Progress(Long.parseLong(rs.getString(1)), rs.getLong(2)) : null;
            }
        }
    }

    /** Forgets a peer (decommissioned): its progress row goes. */
    static void forget(Connection local, String peer) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement("DELETE FROM kv_progress WHERE peer = ?")) {
            ps.setString(1, peer);
            ps.executeUpdate();
        }
    }

    /**
     * Per digest bucket, an MD5 of the live rows (and tombstones younger than {@code
     * settledBeforeMicros}, which cleanup may remove at different times on different instances).
     */
    static Map<Integer, String> digests(Connection c, long settledBeforeMicros) throws SQLException {
        String sql = """
                SELECT bucket, md5(string_agg(namespace || E'\\x1f' || key || E'\\x1f' || part || E'\\x1f' || kind || E'\\x1f'
                       || ts || E'\\x1f' || origin || E'\\x1f' || coalesce(md5(value), ''), E'\\x1e' ORDER BY namespace, key, part))
                FROM kv_row
                WHERE (expires_at IS NULL OR expires_at > now()) AND (kind <> 'tombstone' OR ts >= ?)
                GROUP BY bucket""";
        Map<Integer, String> digests = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, settledBeforeMicros);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    digests.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return digests;
    }

    /** Every row of a digest bucket. */
    static List<KvRow> bucket(Connection c, int bucket) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kv_row WHERE bucket = ?")) {
            ps.setInt(1, bucket);
            try (ResultSet rs = ps.executeQuery()) {
                List<KvRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    /**
     * Removes tombstones that every peer has (xid below {@code belowXid}) and that are older
     * than {@code beforeMicros}, with the counter parts they hid.
     *
     * @return tombstones removed
     */
    static long removeTombstones(Connection c, long belowXid, long beforeMicros) throws SQLException {
        String sql = """
                WITH dead AS (DELETE FROM kv_row WHERE kind = 'tombstone' AND part = '' AND xid < ?::text::xid8 AND ts < ?
                              RETURNING namespace, key, ts),
                     parts AS (DELETE FROM kv_row r USING dead d
                               WHERE r.namespace = d.namespace AND r.key = d.key AND r.part <> '' AND r.ts < d.ts RETURNING 1)
                SELECT (SELECT count(*) FROM dead), (SELECT count(*) FROM parts)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Long.toString(belowXid));
            ps.setLong(2, beforeMicros);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Removes rows that expired before {@code before}. */
    static int sweepExpired(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM kv_row WHERE expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, KvRow row) throws SQLException {
        ps.setString(1, row.namespace());
        ps.setString(2, row.key());
        ps.setString(3, row.part());
        ps.setString(4, row.kind().column());
        ps.setBytes(5, row.value());
        ps.setLong(6, row.version().ts());
        ps.setString(7, row.version().origin());
        setInstant(ps, 8, row.expiresAt());
        ps.setInt(9, KeyHashing.bucket(row.key()));
    }

    private static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, t.atOffset(java.time.ZoneOffset.UTC));
        }
    }

    private static KvRow row(ResultSet rs) throws SQLException {
        java.time.OffsetDateTime expires = rs.getObject(8, java.time.OffsetDateTime.class);
        return new KvRow(rs.getString(1), rs.getString(2), rs.getString(3), ValueKind.ofColumn(rs.getString(4)), rs.getBytes(5),
                new Version(rs.getLong(6), rs.getString(7)), expires == null ? null : expires.toInstant());
    }
}
