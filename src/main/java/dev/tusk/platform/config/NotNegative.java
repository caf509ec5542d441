package dev.tusk.platform.config;

/** A count that may be zero, never negative. */
public class NotNegative extends IntAtLeast {
    public NotNegative() {
        super(0);
    }
}
