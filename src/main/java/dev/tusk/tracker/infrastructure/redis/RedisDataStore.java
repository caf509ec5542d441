package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** MoChi's data contexts in Redis: one hash {@code CHI_<context>} per context. */
@ApplicationScoped
@Typed(RedisDataStore.class)
public class RedisDataStore implements DataStore {

    @Inject RedisConnection redis;

    @Override
    public void put(String context, Map<ByteKey, byte[]> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        entries.forEach((k, v) -> fields.put(k.bytes(), v));
        redis.call(r -> r.hset(RedisKeys.data(context), fields));
    }

    @Override
    public Optional<byte[]> get(String context, ByteKey key) {
        return Optional.ofNullable(redis.call(r -> r.hget(RedisKeys.data(context), key.bytes())));
    }

    @Override
    public boolean contains(String context, ByteKey key) {
        return redis.call(r -> r.hexists(RedisKeys.data(context), key.bytes()));
    }

    @Override
    public void delete(String context, ByteKey... keys) {
        if (keys.length > 0) {
            byte[][] fields = Arrays.stream(keys).map(ByteKey::bytes).toArray(byte[][]::new);
            redis.call(r -> r.hdel(RedisKeys.data(context), fields));
        }
    }
}
