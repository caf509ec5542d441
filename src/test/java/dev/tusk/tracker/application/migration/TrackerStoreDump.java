package dev.tusk.tracker.application.migration;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Both tracker stores written out line by line in one canonical form, read with plain SQL and
 * plain Redis commands (not through Tusk's code), so that two stores can be compared whole.
 * Times are in microseconds, PostgreSQL's precision.
 */
final class TrackerStoreDump {
    private static final HexFormat HEX = HexFormat.of();

    private TrackerStoreDump() {
    }

    static SortedSet<String> postgres(Connection c) throws SQLException {
        SortedSet<String> lines = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT info_hash, peer_id, host(address), port, is_seeder,"
                    + " (extract(epoch FROM created) * 1000000)::bigint FROM mo_peers")) {
                while (rs.next()) {
                    lines.add(peer(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getLong(6)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT info_hash, downloads FROM mo_downloads")) {
                while (rs.next()) {
                    lines.add("downloads " + HEX.formatHex(rs.getBytes(1)) + " " + rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT context, name, value FROM mo_kv")) {
                while (rs.next()) {
                    lines.add(data(rs.getString(1), rs.getBytes(2), rs.getBytes(3)));
                }
            }
        }
        return lines;
    }

    static SortedSet<String> redis(UnifiedJedis r) {
        SortedSet<String> lines = new TreeSet<>();
        for (byte[] swarm : r.smembers(ascii("CHI_I"))) {
            byte[] infoHash = java.util.Arrays.copyOfRange(swarm, "CHI_S4_".length(), swarm.length);
            boolean seeder = swarm[4] == 'S';
            for (Map.Entry<byte[], byte[]> e : r.hgetAll(swarm).entrySet()) {
                ByteBuffer key = ByteBuffer.wrap(e.getKey());
                byte[] id = new byte[20];
                key.get(id);
                int port = Short.toUnsignedInt(key.getShort());
                byte[] address = new byte[key.remaining()];
                key.get(address);
                long micros = Long.parseLong(new String(e.getValue(), StandardCharsets.US_ASCII)) / 1000;
                lines.add(peer(infoHash, id, host(address), port, seeder, micros));
            }
        }
        r.hgetAll(ascii("CHI_D")).forEach((hash, count) ->
                lines.add("downloads " + HEX.formatHex(hash) + " " + new String(count, StandardCharsets.US_ASCII)));
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            ScanResult<byte[]> page = r.scan(cursor, new ScanParams().match(ascii("CHI_*")).count(100), ascii("hash"));
            for (byte[] key : page.getResult()) {
                String name = new String(key, StandardCharsets.UTF_8);
                if (!name.equals("CHI_D") && !isSwarm(key)) {
                    r.hgetAll(key).forEach((k, v) -> lines.add(data(name.substring(4), k, v)));
                }
            }
            cursor = page.getCursorAsBytes();
        } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        return lines;
    }

    private static boolean isSwarm(byte[] key) {
        return key.length > 7 && (key[4] == 'S' || key[4] == 'L') && (key[5] == '4' || key[5] == '6') && key[6] == '_';
    }

    /** Seeders and leechers as Redis counts them: CHI_C_S, CHI_C_L. */
    static long[] redisCounters(UnifiedJedis r) {
        return new long[] {counter(r.get("CHI_C_S")), counter(r.get("CHI_C_L"))};
    }

    private static long counter(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String peer(byte[] infoHash, byte[] id, String address, int port, boolean seeder, long micros) {
        return "peer " + HEX.formatHex(infoHash) + " " + HEX.formatHex(id) + " " + canonical(address) + " " + port + " "
                + (seeder ? "seeder" : "leecher") + " " + micros;
    }

    private static String data(String context, byte[] key, byte[] value) {
        return "data " + context + " " + HEX.formatHex(key) + " " + (value == null ? "" : HEX.formatHex(value));
    }

    private static String host(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An address literal in Java's form (never a DNS lookup: literals only). */
    private static String canonical(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
