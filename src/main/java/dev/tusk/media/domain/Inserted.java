package dev.tusk.media.domain;

/**
 * What an insert did: it created the row, or one with the same key already existed. Never an
 * exception, so the caller's transaction stays usable.
 */
public enum Inserted {
    CREATED, ALREADY_EXISTS;

    /** What an {@code INSERT ... ON CONFLICT DO NOTHING} of one row did, from the rows it changed. */
    public static Inserted ofRows(int rows) {
        return rows == 1 ? CREATED : ALREADY_EXISTS;
    }
}
