package dev.tusk.kv;

import dev.tusk.kv.application.CatalogService;
import dev.tusk.kv.domain.Catalog;
import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.PgClusters;
import dev.tusk.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The KV tests' parade: zones z1, z2 (main PostgreSQL cluster) and z3 (cluster tusk_z3 on port
 * 5442, stopped and started by the tests), shards s0 and s1, databases made by bin/tusk test
 * (and z4-s0, a peer one test adds late);
 * namespaces {@code it} (no expiry) and {@code short} (rows expire after 1 s).
 */
public final class KvParade {
    static final List<String> ZONES = List.of("z1", "z2", "z3");
    static final List<String> SHARDS = List.of("s0", "s1");
    static final int ZONE3_PORT = Integer.parseInt(System.getProperty("tusk.kv.zone3.port", "5442"));

    private KvParade() {
    }

    static String url(String zone, String shard) {
        int port = zone.equals("z3") ? ZONE3_PORT : 5432;
        return "jdbc:postgresql://127.0.0.1:" + port + "/tusk_kv_" + zone + "_" + shard;
    }

    static String id(String zone, String shard) {
        return zone + "-" + shard;
    }

    /** The parade's zones, shards and instances, made through the admin API (every call is idempotent). */
    public static void buildThroughAdminApi() {
        for (String z : ZONES) {
            expectOk(admin("PUT", "/zones/" + z, null));
        }
        for (int i = 0; i < SHARDS.size(); i++) {
            expectOk(admin("PUT", "/shards/" + SHARDS.get(i), "{\"position\":" + i + "}"));
        }
        for (String z : ZONES) {
            for (String s : SHARDS) {
                expectOk(admin("PUT", "/instances/" + id(z, s), "{\"shard\":\"" + s + "\",\"zone\":\"" + z
                        + "\",\"jdbcUrl\":\"" + url(z, s) + "\",\"username\":\"tusk\",\"password\":\"tusk\"}"));
            }
        }
    }

    /** A request to {@code /api/admin/kv} with the operator's credentials. */
    public static RawHttp.Reply admin(String method, String path, String json) {
        return json == null ? RawHttp.request(8080, method, "/api/admin/kv" + path, null, AdminCredentials.header())
                : RawHttp.request(8080, method, "/api/admin/kv" + path, json.getBytes(StandardCharsets.UTF_8), AdminCredentials.header(),
                        "Content-Type: application/json");
    }

    private static void expectOk(RawHttp.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("the KV parade's catalog: " + reply.status() + " " + reply.text());
        }
    }

    static void setUp(CatalogService catalog) {
        catalog.edit(e -> {
            ZONES.forEach(e::putZone);
            for (int i = 0; i < SHARDS.size(); i++) {
                e.putShard(SHARDS.get(i), i);
            }
            for (String z : ZONES) {
                for (String s : SHARDS) {
                    e.putInstance(new Catalog.ShardInstance(id(z, s), s, z, url(z, s), "tusk", "tusk", false));
                }
            }
            e.putNamespace(new Catalog.Namespace("it", null));
            e.putNamespace(new Catalog.Namespace("short", 1L));
        });
    }

    static Connection connect(String zone, String shard) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "tusk");
        p.setProperty("password", "tusk");
        p.setProperty("connectTimeout", "3");
        return new org.postgresql.Driver().connect(url(zone, shard), p);
    }

    /** One instance's rows, all of them (tombstones and counter parts too), as one MD5. */
    static String digest(String zone, String shard) throws SQLException {
        try (Connection c = connect(zone, shard); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(namespace || '/' || key || '/' || part"
                        + " || '/' || kind || '/' || ts || '/' || origin || '/' || coalesce(md5(value), '-'), ',' ORDER BY namespace, key, part)), '')"
                        + " FROM kv_row")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Whether every live instance of each shard holds the same rows. */
    static boolean converged(List<String> zones) {
        try {
            for (String s : SHARDS) {
                String first = digest(zones.get(0), s);
                for (String z : zones.subList(1, zones.size())) {
                    if (!first.equals(digest(z, s))) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Each zone's replication progress on the shard: peer, xid pulled, peer's clock (for failure messages). */
    static Map<String, String> progress(String shard) throws SQLException {
        Map<String, String> all = new java.util.TreeMap<>();
        for (String zone : ZONES) {
            try (Connection c = connect(zone, shard); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT string_agg(peer || ' xid ' || xid || ' now ' || peer_now, ', ' ORDER BY peer)"
                            + " || '; horizon ' || pg_snapshot_xmin(pg_current_snapshot()) FROM kv_progress")) {
                rs.next();
                all.put(zone, rs.getString(1));
            }
        }
        return all;
    }

    static long count(String zone, String shard, String where) throws SQLException {
        try (Connection c = connect(zone, shard); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kv_row WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void stopZone3() {
        PgClusters.stop("tusk_z3");
    }

    static void startZone3() {
        PgClusters.start("tusk_z3");
    }
}
