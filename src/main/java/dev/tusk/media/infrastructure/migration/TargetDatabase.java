package dev.tusk.media.infrastructure.migration;

import dev.tusk.media.domain.RepositoryCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;

/** The database migrate-repo copies into: plain JDBC, its schema brought up by Tusk's own migrations. */
final class TargetDatabase {
    private TargetDatabase() {
    }

    private static String password() {
        String p = System.getenv(RepositoryCopy.PASSWORD_VARIABLE);
        if (p == null) {
            p = System.getProperty("tusk.migrate_repo.password");
        }
        return p;
    }

    static Connection connect(String url, String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password() != null) {
            p.setProperty("password", password());
        }
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "5");
        Connection c = new org.postgresql.Driver().connect(url, p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        return c;
    }

    static void migrate(String url, String user) {
        Flyway.configure(TargetDatabase.class.getClassLoader()).dataSource(url, user, password())
                .locations("classpath:META-INF/db/migration").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }
}
