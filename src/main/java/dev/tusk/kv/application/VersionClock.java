package dev.tusk.kv.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The KV store's time in microseconds since the epoch: versions from the wall clock, never the
 * same twice on this node ({@link #now}), and the wall clock itself for ages and cutoffs.
 */
@ApplicationScoped
public class VersionClock {
    private final AtomicLong last = new AtomicLong();
    /** The wall clock (a test may set another). */
    Clock wall = Clock.systemUTC();

    public long now() {
        return last.accumulateAndGet(wallMicros(), (previous, wall) -> Math.max(previous + 1, wall));
    }

    /** The wall clock's microseconds, as versions count them. */
    public long wallMicros() {
        return micros(wall.instant());
    }

    public Instant instant() {
        return wall.instant();
    }

    public static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
