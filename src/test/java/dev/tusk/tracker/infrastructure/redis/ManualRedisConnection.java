package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.platform.config.GoDuration;
import java.time.Duration;
import java.util.Optional;

/** A RedisConnection set up by a test rather than by configuration (2 s timeouts, a small pool). */
final class ManualRedisConnection {
    private ManualRedisConnection() {
    }

    /** Settings given whole. */
    record Settings(String addresses, int db, Optional<String> login, Optional<String> password, Duration readTimeout,
            Duration writeTimeout, Duration connectTimeout, int poolSize, boolean tls, Optional<String> tlsTruststore,
            Optional<String> tlsTruststorePassword, Optional<String> sentinelMaster, Optional<String> sentinelPassword,
            boolean cluster) implements RedisSettings {
    }

    static RedisConnection open(String addresses, boolean tls, String truststore, String sentinelMaster) {
        return open(addresses, tls, truststore, sentinelMaster, false);
    }

    static RedisConnection cluster(String addresses) {
        return open(addresses, false, null, null, true);
    }

    private static RedisConnection open(String addresses, boolean tls, String truststore, String sentinelMaster, boolean cluster) {
        Duration timeout = GoDuration.parse("2s");
        RedisConnection c = new RedisConnection();
        c.settings = new Settings(addresses, 0, Optional.empty(), Optional.empty(), timeout, timeout, timeout, 4, tls,
                Optional.ofNullable(truststore), Optional.of("changeit"), Optional.ofNullable(sentinelMaster), Optional.empty(), cluster);
        c.open();
        return c;
    }
}
