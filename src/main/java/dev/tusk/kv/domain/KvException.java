package dev.tusk.kv.domain;

/** What the KV store refuses or cannot do, by kind, with a message for the caller. */
public class KvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The namespace is not in the catalog. */
        UNKNOWN_NAMESPACE,
        /** The key is absent, deleted or expired. */
        NOT_FOUND,
        /** The caller's input is wrong (zone not served, timestamp from the future, bad value). */
        BAD_REQUEST,
        /** The shard instance did not answer. */
        UNAVAILABLE
    }

    private final Reason reason;

    public KvException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public KvException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
