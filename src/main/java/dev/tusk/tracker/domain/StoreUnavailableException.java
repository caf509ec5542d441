package dev.tusk.tracker.domain;

/** The store did not answer or failed; the request can be retried later. Never the client's fault. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
