package dev.tusk.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and latencies of tracker requests: {@code tusk_tracker_requests_seconds} with tags
 * {@code action} (announce, scrape) and {@code outcome} (ok, refused, error), as a histogram
 * so that Prometheus can compute percentiles.
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
        return timers.computeIfAbsent(action + '/' + tag, k -> Timer.builder("tusk.tracker.requests")
                .description("Tracker requests by action and outcome")
                .tag("action", action)
                .tag("outcome", tag)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    }
}
