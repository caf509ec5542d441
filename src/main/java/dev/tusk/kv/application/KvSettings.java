package dev.tusk.kv.application;

import dev.tusk.platform.config.AtLeastOne;
import dev.tusk.platform.config.PositiveDuration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The KV store's settings: {@code kv.*} by method name in snake case, defaults in
 * microprofile-config.properties; a wrong value stops the deployment with the key's name.
 */
@ConfigMapping(prefix = "kv", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface KvSettings {

    /** {@code kv.zones}, a comma list; empty: this node serves no zone. */
    @WithName("zones") Optional<List<String>> zoneList();

    /** The zones this node serves (none when {@code kv.zones} is empty). */
    default List<String> zones() {
        return zoneList().map(z -> z.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    Duration maxClockSkew();

    @WithConverter(AtLeastOne.class) int batchSize();

    @WithConverter(PositiveDuration.class) Duration pollInterval();

    @WithConverter(PositiveDuration.class) Duration backoffBase();

    @WithConverter(PositiveDuration.class) Duration backoffMax();

    Duration tombstoneGrace();

    @WithConverter(PositiveDuration.class) Duration maintenanceInterval();
}
