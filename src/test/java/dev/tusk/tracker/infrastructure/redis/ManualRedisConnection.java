package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.platform.config.GoDuration;
import java.util.Optional;

/** A RedisConnection set up by a test rather than by configuration (2 s timeouts, a small pool). */
final class ManualRedisConnection {
    private ManualRedisConnection() {
    }

    static RedisConnection open(String addresses, boolean tls, String truststore, String sentinelMaster) {
        return open(addresses, tls, truststore, sentinelMaster, false);
    }

    static RedisConnection cluster(String addresses) {
        return open(addresses, false, null, null, true);
    }

    private static RedisConnection open(String addresses, boolean tls, String truststore, String sentinelMaster, boolean cluster) {
        RedisConnection c = new RedisConnection();
        c.addresses = addresses;
        c.db = 0;
        c.login = Optional.empty();
        c.password = Optional.empty();
        c.readTimeout = GoDuration.parse("2s");
        c.writeTimeout = GoDuration.parse("2s");
        c.connectTimeout = GoDuration.parse("2s");
        c.poolSize = 4;
        c.tls = tls;
        c.truststore = Optional.ofNullable(truststore);
        c.truststorePassword = Optional.of("changeit");
        c.sentinelMaster = Optional.ofNullable(sentinelMaster);
        c.sentinelPassword = Optional.empty();
        c.cluster = cluster;
        c.open();
        return c;
    }
}
