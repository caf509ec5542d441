package dev.tusk.kv.application;

import dev.tusk.platform.config.GoDuration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The KV store's settings ({@code kv.*}, defaults in microprofile-config.properties). */
@ApplicationScoped
public class KvSettings {

    @Inject
    @ConfigProperty(name = "kv.zones")
    Optional<String> zones;
    @Inject
    @ConfigProperty(name = "kv.max_clock_skew")
    String maxClockSkew;
    @Inject
    @ConfigProperty(name = "kv.batch_size")
    int batchSize;
    @Inject
    @ConfigProperty(name = "kv.poll_interval")
    String pollInterval;
    @Inject
    @ConfigProperty(name = "kv.backoff_base")
    String backoffBase;
    @Inject
    @ConfigProperty(name = "kv.backoff_max")
    String backoffMax;
    @Inject
    @ConfigProperty(name = "kv.tombstone_grace")
    String tombstoneGrace;
    @Inject
    @ConfigProperty(name = "kv.maintenance_interval")
    String maintenanceInterval;

    private List<String> servedZones;
    private Duration skew;
    private Duration poll;
    private Duration base;
    private Duration max;
    private Duration grace;
    private Duration maintenance;

    @PostConstruct
    void parse() {
        servedZones = zones.map(z -> Arrays.stream(z.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        skew = GoDuration.parse(maxClockSkew);
        poll = GoDuration.parse(pollInterval);
        base = GoDuration.parse(backoffBase);
        max = GoDuration.parse(backoffMax);
        grace = GoDuration.parse(tombstoneGrace);
        maintenance = GoDuration.parse(maintenanceInterval);
        if (batchSize < 1) {
            throw new IllegalStateException("kv.batch_size must be at least 1");
        }
    }

    public List<String> zones() {
        return servedZones;
    }

    public Duration maxClockSkew() {
        return skew;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration pollInterval() {
        return poll;
    }

    public Duration backoffBase() {
        return base;
    }

    public Duration backoffMax() {
        return max;
    }

    public Duration tombstoneGrace() {
        return grace;
    }

    public Duration maintenanceInterval() {
        return maintenance;
    }
}
