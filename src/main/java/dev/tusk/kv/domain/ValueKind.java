package dev.tusk.kv.domain;

/** What a stored value is: JSON, raw bytes, one zone's part of a counter, or a deletion. */
public enum ValueKind {
    JSON, BYTES, COUNTER, TOMBSTONE;

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ValueKind ofColumn(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
