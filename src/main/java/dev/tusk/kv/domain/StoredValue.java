package dev.tusk.kv.domain;

/** What a get answers: the value, its kind (JSON, bytes, or a counter's total as JSON) and version. */
public record StoredValue(ValueKind kind, byte[] value, Version version) {
}
