package dev.tusk.tracker.infrastructure.redis;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * The store's writes on a Redis Cluster, where MoChi's keys ({@code CHI_I}, the counters and
 * each swarm hash) lie in different slots and no script may touch more than one. Each step is
 * atomic on its own key, and a counter moves only by what its hash's step reports (a field
 * really added or really deleted), so the counters stay exact under any concurrency; only a
 * Tusk that dies between a hash's step and its counter's (one command apart) leaves a counter
 * off by the peers of that one step.
 *
 * <p>A swarm enters {@code CHI_I} after its hash is written, and leaves it only when found
 * empty, checked again after the removal (and put back if a peer arrived meanwhile): so every
 * non-empty swarm stays in {@code CHI_I}, where GC and the statistics find it.
 */
record KeyByKeySwarmWrites(RedisConnection redis) implements SwarmWrites {

    @Override
    public void put(Swarms s, byte[] peer, byte[] nanos) {
        redis.call(r -> {
            if (r.hdel(s.other(), peer) == 1) {
                r.decr(s.otherCounter());
                forgetIfEmpty(r, s.other());
            }
            if (r.hset(s.swarm(), peer, nanos) == 1) {
                r.incr(s.counter());
            }
            r.sadd(RedisKeys.SWARMS, s.swarm());
            return null;
        });
    }

    @Override
    public boolean delete(byte[] swarm, byte[] counter, byte[] peer) {
        return redis.call(r -> {
            boolean deleted = r.hdel(swarm, peer) == 1;
            if (deleted) {
                r.decr(counter);
                forgetIfEmpty(r, swarm);
            }
            return deleted;
        });
    }

    @Override
    public void graduate(Swarms seeders, byte[] peer, byte[] nanos, byte[] infoHash) {
        put(seeders, peer, nanos);
        redis.call(r -> r.hincrBy(RedisKeys.DOWNLOADS, infoHash, 1));
    }

    /** Step by step: each key's step is atomic on its own, as for single writes. */
    @Override
    public void write(dev.tusk.tracker.domain.WriteBatch batch) {
        for (dev.tusk.tracker.domain.PeerWrite w : batch.writes()) {
            byte[] peer = RedisKeys.peer(w.peer());
            if (w.isPut()) {
                put(Swarms.of(w.infoHash(), w.seeder(), w.peer().isV6()), peer,
                        RedisKeys.nanos(java.time.Instant.ofEpochMilli(w.atMillis())));
            } else {
                for (boolean seeders : new boolean[] {true, false}) {
                    delete(RedisKeys.swarm(w.infoHash(), seeders, w.peer().isV6()),
                            seeders ? RedisKeys.SEEDER_COUNT : RedisKeys.LEECHER_COUNT, peer);
                }
            }
        }
        batch.downloads().forEach((h, n) -> redis.call(r -> r.hincrBy(RedisKeys.DOWNLOADS, h.bytes(), n)));
    }

    @Override
    public long collect(byte[] swarm, byte[] counter, byte[] cutoffNanos, List<byte[]> candidates) {
        List<byte[]> args = new ArrayList<>(candidates.size() + 1);
        args.add(cutoffNanos);
        args.addAll(candidates);
        return redis.call(r -> {
            long removed = (Long) r.eval(RedisScripts.COLLECT_IN_SWARM, List.of(swarm), args);
            if (removed > 0) {
                r.decrBy(counter, removed);
            }
            forgetIfEmpty(r, swarm);
            return removed;
        });
    }

    @Override
    public void restore(Swarms s, List<byte[]> peersAndNanos) {
        redis.call(r -> {
            List<byte[]> peers = new ArrayList<>();
            for (int i = 0; i < peersAndNanos.size(); i += 2) {
                peers.add(peersAndNanos.get(i));
            }
            // a peer known in the other role as late as the restored time stays there
            List<byte[]> there = r.hmget(s.other(), peers.toArray(new byte[0][]));
            List<byte[]> candidates = new ArrayList<>();
            for (int i = 0; i < peers.size(); i++) {
                byte[] seen = peersAndNanos.get(2 * i + 1);
                if (there.get(i) == null || nanos(there.get(i)) < nanos(seen)) {
                    candidates.add(peers.get(i));
                    candidates.add(seen);
                }
            }
            if (candidates.isEmpty()) {
                return null;
            }
            List<?> outcomes = (List<?>) r.eval(RedisScripts.RESTORE_IN_SWARM, List.of(s.swarm()), candidates);
            List<byte[]> applied = new ArrayList<>();
            long added = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                long outcome = (Long) outcomes.get(i);
                if (outcome >= 0) {
                    applied.add(candidates.get(2 * i));
                    added += outcome;
                }
            }
            if (applied.isEmpty()) {
                return null;
            }
            if (added > 0) {
                r.incrBy(s.counter(), added);
            }
            r.sadd(RedisKeys.SWARMS, s.swarm());
            long moved = r.hdel(s.other(), applied.toArray(new byte[0][]));
            if (moved > 0) {
                r.decrBy(s.otherCounter(), moved);
                forgetIfEmpty(r, s.other());
            }
            return null;
        });
    }

    private static long nanos(byte[] text) {
        return Long.parseLong(new String(text, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** Takes an empty swarm out of CHI_I, and puts it back if a peer arrived meanwhile. */
    private static void forgetIfEmpty(UnifiedJedis r, byte[] swarm) {
        if (r.hlen(swarm) == 0) {
            r.srem(RedisKeys.SWARMS, swarm);
            if (r.hlen(swarm) > 0) {
                r.sadd(RedisKeys.SWARMS, swarm);
            }
        }
    }
}
