package dev.tusk.platform.config;

/** A count of at least one, for sizes and limits. */
public class AtLeastOne extends IntAtLeast {
    public AtLeastOne() {
        super(1);
    }
}
