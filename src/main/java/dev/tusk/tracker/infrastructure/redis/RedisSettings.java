package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.platform.config.AtLeastOne;
import dev.tusk.platform.config.PositiveDuration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.time.Duration;
import java.util.Optional;

/**
 * The Redis store's connection: MoChi's {@code tracker.redis.*} keys by method name in snake case,
 * defaults in microprofile-config.properties.
 */
@ConfigMapping(prefix = "tracker.redis", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface RedisSettings {

    /** host:port, a comma list: the server, the sentinels, or some nodes of a cluster. */
    String addresses();

    int db();

    Optional<String> login();

    Optional<String> password();

    @WithConverter(PositiveDuration.class) Duration readTimeout();

    @WithConverter(PositiveDuration.class) Duration writeTimeout();

    @WithConverter(PositiveDuration.class) Duration connectTimeout();

    @WithConverter(AtLeastOne.class) int poolSize();

    boolean tls();

    /** PKCS12 or JKS; empty: the JVM's default trust. */
    Optional<String> tlsTruststore();

    Optional<String> tlsTruststorePassword();

    /** Set: the addresses are sentinels, which name this master. */
    Optional<String> sentinelMaster();

    Optional<String> sentinelPassword();

    /** The addresses are nodes of a Redis Cluster. */
    boolean cluster();
}
