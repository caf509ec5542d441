package dev.tusk.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/** Plain JDBC work on a pooled connection, its SQLException turned into the caller's own failure. */
public final class Jdbc {
    private Jdbc() {
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T withConnection(DataSource dataSource, Work<T> work, Function<SQLException, RuntimeException> failure) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }
}
