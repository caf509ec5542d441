package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.platform.config.GoDuration;
import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis client of the tracker's Redis store, configured with MoChi's settings
 * ({@code tracker.redis.*}): a pool sized for the server's worker threads, timeouts so that
 * a Redis that stopped answering fails a request instead of hanging it. Every Redis failure
 * surfaces as {@link StoreUnavailableException}; the pool reconnects by itself once Redis is back.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    @ConfigProperty(name = "tracker.redis.addresses")
    String addresses;
    @Inject
    @ConfigProperty(name = "tracker.redis.db")
    int db;
    @Inject
    @ConfigProperty(name = "tracker.redis.login")
    Optional<String> login;
    @Inject
    @ConfigProperty(name = "tracker.redis.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "tracker.redis.read_timeout")
    String readTimeout;
    @Inject
    @ConfigProperty(name = "tracker.redis.write_timeout")
    String writeTimeout;
    @Inject
    @ConfigProperty(name = "tracker.redis.connect_timeout")
    String connectTimeout;
    @Inject
    @ConfigProperty(name = "tracker.redis.pool_size")
    int poolSize;
    @Inject
    @ConfigProperty(name = "tracker.redis.tls")
    boolean tls;

    private UnifiedJedis client;

    @PostConstruct
    void open() {
        String first = addresses.split(",")[0].trim();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .database(db)
                .ssl(tls)
                .connectionTimeoutMillis((int) GoDuration.parse(connectTimeout).toMillis())
                // Jedis has one socket timeout for reads and writes: the longer of MoChi's two.
                .socketTimeoutMillis((int) Math.max(GoDuration.parse(readTimeout).toMillis(),
                        GoDuration.parse(writeTimeout).toMillis()));
        login.ifPresent(config::user);
        password.ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMaxWait(GoDuration.parse(connectTimeout));
        pool.setTestWhileIdle(true);
        client = RedisClient.builder().hostAndPort(HostAndPort.from(first)).clientConfig(config.build())
                .poolConfig(pool).build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Runs commands on the client, turning Redis failures into {@link StoreUnavailableException}. */
    public <T> T call(Function<UnifiedJedis, T> commands) {
        try {
            return commands.apply(client);
        } catch (JedisException e) {
            throw new StoreUnavailableException("Redis store failed: " + e.getMessage(), e);
        }
    }
}
