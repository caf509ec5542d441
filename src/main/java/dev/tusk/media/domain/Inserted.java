package dev.tusk.media.domain;

/**
 * What an insert did: it created the row, or one with the same key already existed. Never an
 * exception, so the caller's transaction stays usable.
 */
public enum Inserted {
    CREATED, ALREADY_EXISTS
}
