package dev.tusk.tracker.infrastructure.redis;

import java.nio.charset.StandardCharsets;

/**
 * The Lua scripts that keep a swarm hash and its counter in step: each runs atomically in
 * Redis, so the counters stay exact under re-announces, role changes, deletes and GC (MoChi
 * increments on every announce and never decrements on graduation).
 */
final class RedisScripts {
    private RedisScripts() {
    }

    /** KEYS: swarm, other-role swarm, CHI_I, counter, other counter. ARGV: peer, nanos. */
    static final byte[] PUT = lua("""
            if redis.call('HDEL', KEYS[2], ARGV[1]) == 1 then
              redis.call('DECR', KEYS[5])
              if redis.call('HLEN', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], KEYS[2]) end
            end
            local added = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('SADD', KEYS[3], KEYS[1])
            if added == 1 then redis.call('INCR', KEYS[4]) end
            return added""");

    /** KEYS: swarm, counter, CHI_I. ARGV: peer. An emptied swarm leaves CHI_I. */
    static final byte[] DELETE = lua("""
            local deleted = redis.call('HDEL', KEYS[1], ARGV[1])
            if deleted == 1 then
              redis.call('DECR', KEYS[2])
              if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], KEYS[1]) end
            end
            return deleted""");

    /** KEYS: leechers, seeders, CHI_I, CHI_C_L, CHI_C_S, CHI_D. ARGV: peer, nanos, info hash. */
    static final byte[] GRADUATE = lua("""
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
              redis.call('DECR', KEYS[4])
              if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], KEYS[1]) end
            end
            if redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) == 1 then redis.call('INCR', KEYS[5]) end
            redis.call('SADD', KEYS[3], KEYS[2])
            return redis.call('HINCRBY', KEYS[6], ARGV[3], 1)""");

    /** Deletes the candidate peers (ARGV[2]...) of KEYS[1] still older than the cutoff (ARGV[1]). */
    private static final String DELETE_OLDER = """
            local cutoff = tonumber(ARGV[1])
            local removed = 0
            for i = 2, #ARGV do
              local seen = redis.call('HGET', KEYS[1], ARGV[i])
              if seen and tonumber(seen) <= cutoff then
                removed = removed + redis.call('HDEL', KEYS[1], ARGV[i])
              end
            end
            """;

    /**
     * KEYS: swarm, counter, CHI_I. ARGV: cutoff nanos, then candidate peers. Deletes the
     * candidates still older than the cutoff (a peer that re-announced since the scan stays),
     * and forgets the swarm once it is empty.
     */
    static final byte[] COLLECT = lua(DELETE_OLDER + """
            if removed > 0 then redis.call('DECRBY', KEYS[2], removed) end
            if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], KEYS[1]) end
            return removed""");

    /**
     * On a Redis Cluster (one key a script). KEYS: swarm. ARGV: cutoff nanos, then candidate
     * peers. Deletes the candidates still older than the cutoff; how many.
     */
    static final byte[] COLLECT_IN_SWARM = lua(DELETE_OLDER + "return removed");

    /**
     * On a Redis Cluster (one key a script). KEYS: swarm. ARGV: peer, nanos, peer, nanos...
     * For each peer: 1 added, 0 a later time written over an earlier one, -1 left as it was
     * (known here as late).
     */
    static final byte[] RESTORE_IN_SWARM = lua("""
            local outcomes = {}
            for i = 1, #ARGV, 2 do
              local here = redis.call('HGET', KEYS[1], ARGV[i])
              if here and tonumber(here) >= tonumber(ARGV[i + 1]) then
                outcomes[#outcomes + 1] = -1
              else
                outcomes[#outcomes + 1] = redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            return outcomes""");

    /**
     * KEYS: swarm, other-role swarm, CHI_I, counter, other counter. ARGV: peer, nanos, peer,
     * nanos... Restores peers with their last-seen times (a migration): a peer already known
     * with a time as late stays as it is, in whichever role it has.
     */
    static final byte[] RESTORE = lua("""
            local added, moved = 0, 0
            for i = 1, #ARGV, 2 do
              local seen = tonumber(ARGV[i + 1])
              local here = redis.call('HGET', KEYS[1], ARGV[i])
              local there = redis.call('HGET', KEYS[2], ARGV[i])
              if (not here or tonumber(here) < seen) and (not there or tonumber(there) < seen) then
                moved = moved + redis.call('HDEL', KEYS[2], ARGV[i])
                added = added + redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            if moved > 0 then
              redis.call('DECRBY', KEYS[5], moved)
              if redis.call('HLEN', KEYS[2]) == 0 then redis.call('SREM', KEYS[3], KEYS[2]) end
            end
            if redis.call('HLEN', KEYS[1]) > 0 then redis.call('SADD', KEYS[3], KEYS[1]) end
            if added > 0 then redis.call('INCRBY', KEYS[4], added) end
            return added""");

    /** KEYS: CHI_D. ARGV: info hash, count, info hash, count... Each count only grows. */
    static final byte[] RAISE_DOWNLOADS = lua("""
            for i = 1, #ARGV, 2 do
              if tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0') < tonumber(ARGV[i + 1]) then
                redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
              end
            end
            return 0""");

    private static byte[] lua(String script) {
        return script.getBytes(StandardCharsets.UTF_8);
    }
}
