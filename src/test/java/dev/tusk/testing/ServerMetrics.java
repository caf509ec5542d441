package dev.tusk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server's metrics as Prometheus scrapes them from :9990/metrics. */
public final class ServerMetrics {
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);

    private ServerMetrics() {
    }

    /** name{labels} -> value */
    public static Map<String, Double> scrape() {
        RawHttp.Reply reply = RawHttp.get(9990, "/metrics");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Double> values = new HashMap<>();
        Matcher m = SAMPLE.matcher(reply.text());
        while (m.find()) {
            values.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return values;
    }

    /** The first sample of the metric whose labels contain each of {@code labels} (e.g. {@code action="announce"}). */
    public static double value(Map<String, Double> values, String name, String... labels) {
        return values.entrySet().stream()
                .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                .filter(e -> Arrays.stream(labels).allMatch(l -> e.getKey().contains(l)))
                .mapToDouble(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " " + String.join(",", labels)));
    }
}
