package dev.tusk.media.domain;

import java.util.List;

/**
 * The media repository's tables read in key order, and another Tusk database to copy them into
 * (migrate-repo). Rows are copied as they are, each its table's columns in order.
 */
public interface RepositoryCopy {
    /** The server's environment variable holding the target's password (never a job parameter). */
    String PASSWORD_VARIABLE = "TUSK_MIGRATE_REPO_PASSWORD";

    /** The tables, in an order their foreign keys allow copying them in. */
    List<String> tables();

    /** A row: its key as text (a checkpoint to read on after it), its columns' values in order. */
    record Row(String key, Object[] values) {
    }

    /**
     * Up to {@code limit} rows of the table after {@code afterKey} (null: from the start), in key
     * order; none at the end. @throws IllegalArgumentException for a table not in {@link #tables()}
     */
    List<Row> read(String table, String afterKey, int limit);

    long count(String table);

    /** Checks that the target database answers. @throws TargetUnreachable saying why not */
    void check(String url, String user);

    /** Opens the target, its schema brought up to Tusk's first. */
    Target open(String url, String user);

    /** A database rows are copied into: a row whose key is already there is left as it is. */
    interface Target extends AutoCloseable {
        void write(String table, List<Object[]> rows);

        @Override
        void close();
    }

    /** The target database cannot be reached or written. */
    final class TargetUnreachable extends RuntimeException {
        public TargetUnreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
