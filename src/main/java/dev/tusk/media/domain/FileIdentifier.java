package dev.tusk.media.domain;

/**
 * Where a file lies in a {@link MediaStore} ({@code originals/<uuid>}): made by the store that
 * saved it, kept in the repository beside the hash or variant it holds.
 */
public record FileIdentifier(String value) {

    /** @throws IllegalArgumentException for an empty identifier */
    public FileIdentifier {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a file identifier is a non-empty text");
        }
    }

    /**
     * The file's path within its store ({@code folder/uuid}), without the prefix that names the
     * store ({@code s3:}): where a copy of it lands in another store.
     */
    public String path() {
        return value.substring(value.indexOf(':') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
