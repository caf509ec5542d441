package dev.tusk.media.domain;

/** A variant of an original (a thumbnail's name, e.g. {@code thumbnail/200.png}) and the file that holds it. */
public record Variant(String name, FileIdentifier identifier) {
}
