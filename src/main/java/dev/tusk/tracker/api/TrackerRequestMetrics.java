package dev.tusk.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and latencies of tracker requests: {@code tusk_tracker_requests_seconds} with tags
 * {@code protocol} (http, udp), {@code action} (announce, scrape; connect over UDP) and
 * {@code outcome} (ok, refused, error).
 */
@ApplicationScoped
public class TrackerRequestMetrics {

    /** How a request ended. */
    public enum Outcome { OK, REFUSED, ERROR }

    /** How a request came. */
    public enum Protocol { HTTP, UDP }

    @Inject MeterRegistry registry;

    /** By action, then by protocol and outcome ({@link #slot}): found without allocating on the hot path. */
    private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (String action : new String[] {"announce", "scrape", "connect"}) {
            timers(action);
        }
    }

    public void record(Protocol protocol, String action, Outcome outcome, long startedNanos) {
        timers(action)[slot(protocol, outcome)].record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    private static int slot(Protocol protocol, Outcome outcome) {
        return protocol.ordinal() * Outcome.values().length + outcome.ordinal();
    }

    private Timer[] timers(String action) {
        return timers.computeIfAbsent(action, a -> {
            Timer[] all = new Timer[Protocol.values().length * Outcome.values().length];
            for (Protocol protocol : Protocol.values()) {
                for (Outcome outcome : Outcome.values()) {
                    // WildFly's application registry exports only meters made through its plain
                    // methods (no histogram buckets): count, sum and max per label set.
                    all[slot(protocol, outcome)] = registry.timer("tusk.tracker.requests", Tags.of("protocol",
                            label(protocol), "action", a, "outcome", label(outcome)));
                }
            }
            return all;
        });
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
