package dev.tusk.tracker.domain;

import java.util.Optional;

/** The {@code event} of an announce (BEP 3; {@code paused} is BEP 21's, handled as a plain announce). */
public enum AnnounceEvent {
    NONE, STARTED, COMPLETED, STOPPED, PAUSED;

    /** @return the event for the wire value, empty when the value is unknown */
    public static Optional<AnnounceEvent> fromWire(String value) {
        return switch (value == null ? "" : value) {
            case "", "empty" -> Optional.of(NONE);
            case "started" -> Optional.of(STARTED);
            case "completed" -> Optional.of(COMPLETED);
            case "stopped" -> Optional.of(STOPPED);
            case "paused" -> Optional.of(PAUSED);
            default -> Optional.empty();
        };
    }
}
