package dev.tusk.tracker.api.wire;

/** A query string that is not valid percent-encoding. */
public class MalformedQueryException extends RuntimeException {
    public MalformedQueryException(String message) {
        super(message, null, false, false);
    }
}
