package dev.tusk.media.domain;

import java.util.UUID;

/**
 * The name under which clients fetch an image ({@code 6f1c….png}): many aliases may name one
 * original, each with its own delete token.
 */
public record Alias(String value) {

    /** @throws IllegalArgumentException for an empty alias or one with a NUL (PostgreSQL's text has none) */
    public Alias {
        if (value == null || value.isEmpty() || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an alias is a non-empty text without NUL");
        }
    }

    /** A new alias for an image of that format: a random UUID and the format's extension. */
    public static Alias generate(ImageFormat format) {
        return new Alias(UUID.randomUUID() + "." + format.extension());
    }

    /**
     * The alias a client named, or a 404: an alias that could not have been stored names no
     * image.
     */
    public static Alias named(String alias) {
        if (alias == null || alias.isEmpty() || alias.indexOf('\0') >= 0) {
            throw new MediaException(404, "not-found", "no image by that alias (an alias is a non-empty text without NUL)");
        }
        return new Alias(alias);
    }

    @Override
    public String toString() {
        return value;
    }
}
