package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;

/**
 * Each change of a swarm, {@code CHI_I} and the counters as one Lua script ({@link RedisScripts}),
 * atomic in Redis: the counters never disagree with the hashes, whatever fails when.
 */
record ScriptedSwarmWrites(RedisConnection redis) implements SwarmWrites {

    @Override
    public void put(Swarms s, byte[] peer, byte[] nanos) {
        redis.call(r -> r.eval(RedisScripts.PUT, List.of(s.swarm(), s.other(), RedisKeys.SWARMS, s.counter(), s.otherCounter()),
                List.of(peer, nanos)));
    }

    @Override
    public boolean delete(byte[] swarm, byte[] counter, byte[] peer) {
        return (Long) redis.call(r -> r.eval(RedisScripts.DELETE, List.of(swarm, counter, RedisKeys.SWARMS), List.of(peer))) == 1L;
    }

    @Override
    public void graduate(Swarms seeders, byte[] peer, byte[] nanos, byte[] infoHash) {
        List<byte[]> keys = List.of(seeders.other(), seeders.swarm(), RedisKeys.SWARMS, seeders.otherCounter(), seeders.counter(),
                RedisKeys.DOWNLOADS);
        redis.call(r -> r.eval(RedisScripts.GRADUATE, keys, List.of(peer, nanos, infoHash)));
    }

    /** Every step of the batch in one pipeline: one round trip. */
    @Override
    public void write(WriteBatch batch) {
        redis.call(r -> {
            try (AbstractPipeline pipeline = r.pipelined()) {
                for (PeerWrite w : batch.writes()) {
                    byte[] peer = RedisKeys.peer(w.peer());
                    if (w.isPut()) {
                        Swarms s = Swarms.of(w.infoHash(), w.seeder(), w.peer().isV6());
                        pipeline.eval(RedisScripts.PUT, List.of(s.swarm(), s.other(), RedisKeys.SWARMS, s.counter(), s.otherCounter()),
                                List.of(peer, RedisKeys.nanos(Instant.ofEpochMilli(w.atMillis()))));
                    } else {
                        for (boolean seeders : new boolean[] {true, false}) {
                            pipeline.eval(RedisScripts.DELETE, List.of(RedisKeys.swarm(w.infoHash(), seeders, w.peer().isV6()),
                                    seeders ? RedisKeys.SEEDER_COUNT : RedisKeys.LEECHER_COUNT, RedisKeys.SWARMS), List.of(peer));
                        }
                    }
                }
                batch.downloads().forEach((h, n) -> pipeline.hincrBy(RedisKeys.DOWNLOADS, h.bytes(), n));
                pipeline.sync();
            }
            return null;
        });
    }

    @Override
    public long collect(byte[] swarm, byte[] counter, byte[] cutoffNanos, List<byte[]> candidates) {
        List<byte[]> args = new ArrayList<>(candidates.size() + 1);
        args.add(cutoffNanos);
        args.addAll(candidates);
        return (Long) redis.call(r -> r.eval(RedisScripts.COLLECT, List.of(swarm, counter, RedisKeys.SWARMS), args));
    }

    @Override
    public void restore(Swarms s, List<byte[]> peersAndNanos) {
        redis.call(r -> r.eval(RedisScripts.RESTORE, List.of(s.swarm(), s.other(), RedisKeys.SWARMS, s.counter(), s.otherCounter()),
                peersAndNanos));
    }
}
