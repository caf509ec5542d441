package dev.tusk.kv.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Microseconds since the epoch from the wall clock, never the same twice on this node. */
@ApplicationScoped
public class VersionClock {
    private final AtomicLong last = new AtomicLong();

    public long now() {
        Instant t = Instant.now();
        long micros = t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
        return last.accumulateAndGet(micros, (previous, wall) -> Math.max(previous + 1, wall));
    }

    public static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
