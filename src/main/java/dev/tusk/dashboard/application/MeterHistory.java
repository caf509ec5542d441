package dev.tusk.dashboard.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tusk's own metrics ({@code tusk.*}, {@code mochi.*}) sampled every
 * {@code tusk.dashboard.sample_interval} and kept for {@code tusk.dashboard.history} in memory,
 * so that the dashboard's charts are filled when a page opens: a gauge as its value, a counter as
 * its rate per second, a timer as its rate and its mean time (ms) over the interval. A series is
 * named {@code name{tag=value,...}}.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeterHistory {
    /** A sampled counter or timer's totals, to take the difference of the next sample from. */
    private record Totals(long time, double count, double totalMillis) {
    }

    @Inject MeterRegistry registry;
    @Resource TimerService timers;
    @Inject @ConfigProperty(name = "tusk.dashboard.sample_interval") Duration every;
    @Inject @ConfigProperty(name = "tusk.dashboard.history") Duration history;

    private final Map<String, SeriesBuffer> series = new TreeMap<>();
    private final Map<String, Totals> last = new HashMap<>();
    private int capacity;

    @PostConstruct
    void start() {
        if (every.toMillis() < 100 || history.compareTo(every) < 0) {
            throw new IllegalStateException("tusk.dashboard.sample_interval must be at least 100ms and at most tusk.dashboard.history");
        }
        capacity = (int) Math.min(100_000, history.toMillis() / every.toMillis());
        timers.createIntervalTimer(every.toMillis(), every.toMillis(), new TimerConfig("dashboard samples", false));
    }

    public Duration sampleInterval() {
        return every;
    }

    @Timeout
    @Lock(LockType.WRITE)
    void sample() {
        long now = System.currentTimeMillis();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            if (!name.startsWith("tusk.") && !name.startsWith("mochi.")) {
                continue;
            }
            String key = key(meter.getId());
            if (meter instanceof Gauge gauge) {
                record(key, now, gauge.value());
            } else if (meter instanceof Counter counter) {
                rate(key, now, counter.count(), 0);
            } else if (meter instanceof FunctionCounter counter) {
                rate(key, now, counter.count(), 0);
            } else if (meter instanceof Timer timer) {
                rate(key, now, timer.count(), timer.totalTime(TimeUnit.MILLISECONDS));
            }
        }
    }

    private static String key(Meter.Id id) {
        // WildFly tags every meter of a deployment with its name: the same on all of Tusk's
        List<Tag> tags = id.getTags().stream().filter(t -> !"WF_DEPLOYMENT".equals(t.getKey())).toList();
        return tags.isEmpty() ? id.getName()
                : id.getName() + tags.stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    private void record(String key, long now, double value) {
        if (!Double.isNaN(value)) {
            series.computeIfAbsent(key, k -> new SeriesBuffer(capacity)).add(now, value);
        }
    }

    /** Per second since the last sample (nothing at a meter's first sample), and for a timer its mean time. */
    private void rate(String key, long now, double count, double totalMillis) {
        Totals before = last.put(key, new Totals(now, count, totalMillis));
        if (before == null || now <= before.time() || count < before.count()) {
            return;
        }
        double seconds = (now - before.time()) / 1000.0;
        double events = count - before.count();
        record(key, now, events / seconds);
        if (totalMillis > 0 || before.totalMillis() > 0) {
            record(key.replaceFirst("^([^{]*)", "$1.mean.ms"), now, events == 0 ? 0 : (totalMillis - before.totalMillis()) / events);
        }
    }

    /** Every series' points sampled after {@code since} (milliseconds since the epoch). */
    @Lock(LockType.READ)
    public Map<String, List<SeriesBuffer.Point>> after(long since) {
        Map<String, List<SeriesBuffer.Point>> points = new LinkedHashMap<>();
        series.forEach((key, buffer) -> points.put(key, buffer.after(since)));
        return points;
    }
}
