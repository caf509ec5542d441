package dev.tusk.kv.application;

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

    @Inject @ConfigProperty(name = "kv.zones") Optional<String> zones;
    @Inject @ConfigProperty(name = "kv.max_clock_skew") Duration maxClockSkew;
    @Inject @ConfigProperty(name = "kv.batch_size") int batchSize;
    @Inject @ConfigProperty(name = "kv.poll_interval") Duration pollInterval;
    @Inject @ConfigProperty(name = "kv.backoff_base") Duration backoffBase;
    @Inject @ConfigProperty(name = "kv.backoff_max") Duration backoffMax;
    @Inject @ConfigProperty(name = "kv.tombstone_grace") Duration tombstoneGrace;
    @Inject @ConfigProperty(name = "kv.maintenance_interval") Duration maintenanceInterval;

    private List<String> servedZones;

    @PostConstruct
    void parse() {
        servedZones = zones.map(z -> Arrays.stream(z.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
        if (batchSize < 1) {
            throw new IllegalStateException("kv.batch_size must be at least 1");
        }
    }

    public List<String> zones() {
        return servedZones;
    }

    public Duration maxClockSkew() {
        return maxClockSkew;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration backoffBase() {
        return backoffBase;
    }

    public Duration backoffMax() {
        return backoffMax;
    }

    public Duration tombstoneGrace() {
        return tombstoneGrace;
    }

    public Duration maintenanceInterval() {
        return maintenanceInterval;
    }
}
