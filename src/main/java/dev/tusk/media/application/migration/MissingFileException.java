package dev.tusk.media.application.migration;

/** A hash one of whose files is missing from the source store (without skipMissingFiles): the hash is skipped and counted. */
public class MissingFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissingFileException(String message) {
        super(message);
    }
}
