package dev.tusk.kv.domain;

/**
 * What a put or delete did: it was written with its version, or it lost to the newer version
 * already stored (last writer wins by (ts, origin)) and changed nothing.
 */
public record WriteOutcome(boolean written, Version version) {

    public static WriteOutcome written(Version v) {
        return new WriteOutcome(true, v);
    }

    public static WriteOutcome lostTo(Version winner) {
        return new WriteOutcome(false, winner);
    }
}
