package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis client of the tracker's Redis store, configured with MoChi's settings
 * ({@code tracker.redis.*}), standalone, through Redis Sentinel ({@code sentinel_master} set:
 * the addresses are the sentinels) or on a Redis Cluster ({@code cluster=true}: the addresses are
 * some of its nodes): a pool sized for the server's worker threads, timeouts so that
 * a Redis that stopped answering fails a request instead of hanging it. Every Redis failure
 * surfaces as {@link StoreUnavailableException}; the pool reconnects by itself once Redis is back.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject RedisSettings settings;

    private UnifiedJedis client;
    private SwarmWrites swarmWrites;

    /** TLS trusting the configured truststore (PKCS12 or JKS), or the JVM's default trust. */
    private javax.net.ssl.SSLSocketFactory sslSocketFactory() {
        if (settings.tlsTruststore().isEmpty()) {
            return (javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault();
        }
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(settings.tlsTruststore().get()))) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            store.load(in, settings.tlsTruststorePassword().map(String::toCharArray).orElse(null));
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("tracker.redis.tls_truststore " + settings.tlsTruststore().get() + " cannot be used: " + e.getMessage(), e);
        }
    }

    private DefaultJedisClientConfig.Builder timeouts() {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder().ssl(settings.tls());
        if (settings.tls()) {
            b.sslSocketFactory(sslSocketFactory());
        }
        return b
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                // Jedis has one socket timeout for reads and writes: the longer of MoChi's two.
                .socketTimeoutMillis((int) Math.max(settings.readTimeout().toMillis(),
                        settings.writeTimeout().toMillis()));
    }

    @PostConstruct
    void open() {
        DefaultJedisClientConfig.Builder config = timeouts().database(settings.db());
        settings.login().ifPresent(config::user);
        settings.password().ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(settings.connectTimeout());
        pool.setTestWhileIdle(true);
        if (settings.cluster() && settings.sentinelMaster().isPresent()) {
            throw new IllegalStateException("tracker.redis.cluster and tracker.redis.sentinel_master exclude each other");
        }
        if (settings.cluster() && settings.db() != 0) {
            throw new IllegalStateException("a Redis Cluster has only database 0; tracker.redis.db is " + settings.db());
        }
        if (settings.cluster()) {
            // the addresses are some of the cluster's nodes; the client learns the rest and the slots
            client = RedisClusterClient.builder().nodes(hostsAndPorts()).clientConfig(config.build()).poolConfig(pool).build();
        } else if (settings.sentinelMaster().isPresent()) {
            // the addresses are the sentinels; they name the master, and the client follows a failover
            Set<HostAndPort> sentinels = hostsAndPorts();
            DefaultJedisClientConfig.Builder sentinelConfig = timeouts();
            settings.sentinelPassword().ifPresent(sentinelConfig::password);
            client = RedisSentinelClient.builder().masterName(settings.sentinelMaster().get()).sentinels(sentinels)
                    .clientConfig(config.build()).sentinelClientConfig(sentinelConfig.build()).poolConfig(pool).build();
        } else {
            String first = settings.addresses().split(",")[0].trim();
            client = RedisClient.builder().hostAndPort(HostAndPort.from(first)).clientConfig(config.build())
                    .poolConfig(pool).build();
        }
        swarmWrites = SwarmWrites.of(this);
    }

    private Set<HostAndPort> hostsAndPorts() {
        Set<HostAndPort> all = new HashSet<>();
        for (String a : settings.addresses().split(",")) {
            all.add(HostAndPort.from(a.trim()));
        }
        return all;
    }

    /** Whether the keys are spread over a Redis Cluster, where a script may touch one slot only. */
    public boolean clustered() {
        return client instanceof RedisClusterClient;
    }

    /**
     * The key spaces that SCAN walks one after the other: the one server, or each master of the
     * cluster (by address, in a stable order).
     */
    public List<String> keySpaces() {
        if (!(client instanceof RedisClusterClient clusterClient)) {
            return List.of("");
        }
        List<String> masters = new ArrayList<>();
        call(r -> {
            for (Map.Entry<String, ConnectionPool> node : clusterClient.getClusterNodes().entrySet()) {
                try (Connection c = node.getValue().getResource()) {
                    List<?> role = (List<?>) c.executeCommand(new CommandArguments(Protocol.Command.ROLE));
                    if ("master".equals(new String((byte[]) role.get(0), java.nio.charset.StandardCharsets.US_ASCII))) {
                        masters.add(node.getKey());
                    }
                }
            }
            return null;
        });
        masters.sort(null);
        return masters;
    }

    /** One SCAN page of a key space that {@link #keySpaces()} named. */
    public ScanResult<byte[]> scan(String keySpace, byte[] cursor, ScanParams params, byte[] type) {
        if (!(client instanceof RedisClusterClient clusterClient)) {
            return call(r -> r.scan(cursor, params, type));
        }
        return call(r -> {
            ConnectionPool node = clusterClient.getClusterNodes().get(keySpace);
            if (node == null) {
                throw new JedisException("the cluster has no node " + keySpace + " any more");
            }
            try (Connection c = node.getResource()) {
                List<?> reply = (List<?>) c.executeCommand(new CommandArguments(Protocol.Command.SCAN).add(cursor).addParams(params)
                        .add(Protocol.Keyword.TYPE).add(type));
                @SuppressWarnings("unchecked")
                List<byte[]> keys = (List<byte[]>) reply.get(1);
                return new ScanResult<>((byte[]) reply.get(0), keys);
            }
        });
    }

    /** How swarms, CHI_I and the counters change together on this topology. */
    public SwarmWrites swarmWrites() {
        return swarmWrites;
    }

    /** The master the client writes to: the one Sentinel named last, or the configured address. */
    public String currentMaster() {
        return client instanceof RedisSentinelClient sentinel ? sentinel.getCurrentMaster().toString() : settings.addresses().split(",")[0].trim();
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
