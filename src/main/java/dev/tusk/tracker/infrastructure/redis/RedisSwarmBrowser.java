package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmBrowser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Operators' views of the Redis store. */
@ApplicationScoped
@Typed(RedisSwarmBrowser.class)
public class RedisSwarmBrowser implements SwarmBrowser {

    @Inject RedisConnection redis;

    @Override
    public List<PeerView> peers(InfoHash infoHash, int limit) {
        List<PeerView> peers = new ArrayList<>();
        for (boolean seeders : new boolean[] {true, false}) {
            for (boolean v6 : new boolean[] {false, true}) {
                Map<byte[], byte[]> swarm = redis.call(r -> r.hgetAll(RedisKeys.swarm(infoHash, seeders, v6)));
                swarm.forEach((key, nanos) -> peers.add(new PeerView(RedisKeys.peerOf(key), seeders, RedisKeys.instantOf(nanos))));
            }
        }
        return peers.stream().sorted(Comparator.comparing(PeerView::lastSeen).reversed()).limit(limit).toList();
    }

    @Override
    public List<ByteKey> keys(String context, int limit) {
        return redis.call(r -> r.hkeys(RedisKeys.data(context))).stream()
                .sorted(Arrays::compareUnsigned)
                .limit(limit)
                .map(ByteKey::of)
                .toList();
    }
}
