package dev.tusk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A JDBC connection to the database the server under test uses. */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** Inside the server, a connection of Tusk's pool; outside, one made from Tusk's variables. */
    public static Connection connect() throws SQLException {
        try {
            return ((javax.sql.DataSource) new javax.naming.InitialContext().lookup("java:jboss/datasources/TuskDS")).getConnection();
        } catch (javax.naming.NamingException outsideTheServer) {
            // the client side of a test: no JNDI here
        }
        String url = env("TUSK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tusk_test");
        return DriverManager.getConnection(url, env("TUSK_DB_USER", "tusk"), env("TUSK_DB_PASSWORD", "tusk"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** How many rows {@code mo_peers} holds for a swarm. */
    public static long peerRows(byte[] infoHash) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mo_peers WHERE info_hash = ?")) {
            ps.setBytes(1, infoHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
