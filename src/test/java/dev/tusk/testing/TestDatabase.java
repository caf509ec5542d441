package dev.tusk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct JDBC connection to the database the server under test uses (from Tusk's own variables). */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        String url = env("TUSK_DB_URL", "jdbc:postgresql://127.0.0.1:5432/tusk_test");
        return DriverManager.getConnection(url, env("TUSK_DB_USER", "tusk"), env("TUSK_DB_PASSWORD", "tusk"));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
