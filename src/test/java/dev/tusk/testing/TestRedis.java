package dev.tusk.testing;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * Plain Redis commands on the database the main test server keeps swarms in when a test uses
 * its Redis store ({@code -Dtracker.redis.db} in arquillian.xml), never the developer's db 0.
 */
public final class TestRedis {
    public static final int DB = 9;

    private TestRedis() {
    }

    public static RedisClient plain() {
        return RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 6379))
                .clientConfig(DefaultJedisClientConfig.builder().database(DB).build()).build();
    }
}
