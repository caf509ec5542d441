package dev.tusk.tracker.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    @Inject
    MeterRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (Protocol protocol : Protocol.values()) {
            for (String action : new String[] {"announce", "scrape"}) {
                for (Outcome outcome : Outcome.values()) {
                    timer(protocol, action, outcome);
                }
            }
        }
        for (Outcome outcome : Outcome.values()) {
            timer(Protocol.UDP, "connect", outcome);
        }
    }

    public void record(Protocol protocol, String action, Outcome outcome, long startedNanos) {
        timer(protocol, action, outcome).record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    private Timer timer(Protocol protocol, String action, Outcome outcome) {
        String p = protocol.name().toLowerCase(Locale.ROOT);
        String tag = outcome.name().toLowerCase(Locale.ROOT);
        // WildFly's application registry exports only meters made through its plain methods
        // (no histogram buckets): count, sum and max per protocol, action and outcome.
        return timers.computeIfAbsent(p + '/' + action + '/' + tag,
                k -> registry.timer("tusk.tracker.requests", Tags.of("protocol", p, "action", action, "outcome", tag)));
    }
}
