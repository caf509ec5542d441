package dev.tusk.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and latencies of tracker requests: {@code tusk_tracker_requests_seconds} with tags
 * {@code action} (announce, scrape) and {@code outcome} (ok, refused, error).
 */
@ApplicationScoped
public class TrackerRequestMetrics {

    /** How a request ended. */
    public enum Outcome { OK, REFUSED, ERROR }

    @Inject
    MeterRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (String action : new String[] {"announce", "scrape"}) {
            for (Outcome outcome : Outcome.values()) {
                timer(action, outcome);
            }
        }
    }

    public void record(String action, Outcome outcome, long startedNanos) {
        timer(action, outcome).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Timer timer(String action, Outcome outcome) {
        String tag = outcome.name().toLowerCase(java.util.Locale.ROOT);
        // WildFly's application registry exports only meters made through its plain methods
        // (no histogram buckets): count, sum and max per action and outcome.
        return timers.computeIfAbsent(action + '/' + tag,
                k -> registry.timer("tusk.tracker.requests", Tags.of("action", action, "outcome", tag)));
    }
}
