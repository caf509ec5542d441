package dev.tusk.kv.domain;

import java.util.Objects;

/**
 * A key of the store: the name of its namespace and the key itself, 1 to {@value #MAX_LENGTH}
 * characters, none of them NUL (PostgreSQL's text has none). The shard that holds it follows from
 * the key alone ({@link KeyHashing}), whatever its namespace.
 */
public record Key(String namespace, String name) {
    public static final int MAX_LENGTH = 1024;

    /** @throws KvException (bad request) for a name no key can have */
    public Key {
        Objects.requireNonNull(namespace, "namespace");
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || name.indexOf('\0') >= 0) {
            throw new KvException(KvException.Reason.BAD_REQUEST, "a key is 1 to " + MAX_LENGTH + " characters, none of them NUL");
        }
    }

    @Override
    public String toString() {
        return "'" + name + "' in " + namespace;
    }
}
