package dev.tusk.tracker.infrastructure.postgres;

import java.util.Arrays;

/**
 * {@code mo_peers} cut into ranges of info hashes by their first two bytes, about a given number
 * of rows each (by PostgreSQL's estimate of the table's size), so that a walk over the whole
 * table is many short statements over the primary key, each range holding whole swarms.
 */
final class InfoHashRanges {
    private static final int PREFIXES = 1 << 16;
    private static final int MAX_RANGES = 4096;

    /** PostgreSQL's estimate of the rows of mo_peers (0 before its first analysis). */
    static final String ESTIMATE = "SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = 'mo_peers'::regclass";

    private InfoHashRanges() {
    }

    /** How many ranges for about {@code rowsPerRange} rows each: a power of two, 1 to 4096. */
    static int count(long rows, long rowsPerRange) {
        return Integer.highestOneBit((int) Math.max(1, Math.min(MAX_RANGES, rows / Math.max(1, rowsPerRange))));
    }

    /** The first info hash of range {@code i} of {@code n} (inclusive). */
    static byte[] from(int i, int n) {
        return prefix((int) ((long) i * PREFIXES / n));
    }

    /** The end of range {@code i} of {@code n} (exclusive); the last range's is above every hash. */
    static byte[] to(int i, int n) {
        if (i == n - 1) {
            byte[] b = new byte[33];
            Arrays.fill(b, (byte) 0xff);
            return b;
        }
        return prefix((int) ((long) (i + 1) * PREFIXES / n));
    }

    /** The range of {@code n} that holds {@code infoHash}. */
    static int of(byte[] infoHash, int n) {
        int prefix = (infoHash[0] & 0xff) << 8 | (infoHash.length > 1 ? infoHash[1] & 0xff : 0);
        return (int) ((long) prefix * n / PREFIXES);
    }

    private static byte[] prefix(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }
}
