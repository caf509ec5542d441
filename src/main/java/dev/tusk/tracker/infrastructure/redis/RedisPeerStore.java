package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.StoredPeer;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.TrackerStore;
import dev.tusk.tracker.domain.WriteBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Swarms in Redis, in MoChi's layout (see {@link RedisKeys}), so that Tusk and MoChi can serve
 * the same Redis. Unlike MoChi, a swarm hash and its counter change together ({@link SwarmWrites}:
 * one atomic script, or on a Redis Cluster key by key by what each step reports), so the
 * counters stay exact; and a peer that changes role leaves its old swarm hash.
 */
@ApplicationScoped
@Typed(RedisPeerStore.class)
public class RedisPeerStore implements TrackerStore {
    private static final int SCAN_COUNT = 500;

    @Inject RedisConnection redis;

    @Override
    public void put(InfoHash infoHash, Peer peer, boolean seeder) {
        redis.swarmWrites().put(SwarmWrites.Swarms.of(infoHash, seeder, peer.isV6()), RedisKeys.peer(peer), RedisKeys.nanos(Instant.now()));
    }

    @Override
    public boolean delete(InfoHash infoHash, Peer peer, boolean seeder) {
        return redis.swarmWrites().delete(RedisKeys.swarm(infoHash, seeder, peer.isV6()), seeder ? RedisKeys.SEEDER_COUNT : RedisKeys.LEECHER_COUNT,
                RedisKeys.peer(peer));
    }

    @Override
    public void graduateLeecher(InfoHash infoHash, Peer peer) {
        redis.swarmWrites().graduate(SwarmWrites.Swarms.of(infoHash, true, peer.isV6()), RedisKeys.peer(peer), RedisKeys.nanos(Instant.now()),
                infoHash.bytes());
    }

    /** Random peers (HRANDFIELD): seeders first for a leecher, leechers only for a seeder. */
    @Override
    public List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) {
        if (numWant <= 0) {
            return List.of();
        }
        return redis.call(r -> {
            List<Peer> peers = new ArrayList<>();
            if (!forSeeder) {
                r.hrandfield(RedisKeys.swarm(infoHash, true, v6), numWant).forEach(k -> peers.add(RedisKeys.peerOf(k)));
            }
            if (peers.size() < numWant) {
                r.hrandfield(RedisKeys.swarm(infoHash, false, v6), numWant - peers.size())
                        .forEach(k -> peers.add(RedisKeys.peerOf(k)));
            }
            return peers;
        });
    }

    @Override
    public SwarmCounts scrapeSwarm(InfoHash infoHash) {
        return scrapeSwarms(List.of(infoHash)).get(infoHash);
    }

    /** The four swarm hashes' lengths and the download count of every info hash, in one pipeline. */
    @Override
    public Map<InfoHash, SwarmCounts> scrapeSwarms(Collection<InfoHash> infoHashes) {
        List<InfoHash> distinct = List.copyOf(new LinkedHashSet<>(infoHashes));
        return redis.call(r -> {
            List<Response<Long>> lengths = new ArrayList<>(4 * distinct.size());
            List<Response<byte[]>> downloads = new ArrayList<>(distinct.size());
            try (AbstractPipeline pipeline = r.pipelined()) {
                for (InfoHash infoHash : distinct) {
                    for (boolean seeders : new boolean[] {true, false}) {
                        lengths.add(pipeline.hlen(RedisKeys.swarm(infoHash, seeders, false)));
                        lengths.add(pipeline.hlen(RedisKeys.swarm(infoHash, seeders, true)));
                    }
                    downloads.add(pipeline.hget(RedisKeys.DOWNLOADS, infoHash.bytes()));
                }
                pipeline.sync();
            }
            Map<InfoHash, SwarmCounts> swarms = new LinkedHashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                byte[] downloaded = downloads.get(i).get();
                swarms.put(distinct.get(i), new SwarmCounts(lengths.get(4 * i).get() + lengths.get(4 * i + 1).get(),
                        lengths.get(4 * i + 2).get() + lengths.get(4 * i + 3).get(),
                        downloaded == null ? 0 : Long.parseLong(new String(downloaded))));
            }
            return swarms;
        });
    }

    @Override
    public void ping() {
        redis.call(r -> r.ping());
    }

    /** Walks CHI_I and each swarm with SCAN, deleting in small atomic batches: Redis is never blocked long. */
    @Override
    public long collectGarbage(Instant cutoff) {
        byte[] cutoffNanos = RedisKeys.nanos(cutoff);
        long cutoffValue = Long.parseLong(new String(cutoffNanos));
        long[] removed = {0};
        forEachSwarm(swarm -> removed[0] += collect(swarm, cutoffNanos, cutoffValue));
        return removed[0];
    }

    /** Walks CHI_I page by page (SSCAN), never all of it at once. */
    private void forEachSwarm(java.util.function.Consumer<byte[]> action) {
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            byte[] at = cursor;
            ScanResult<byte[]> swarms = redis.call(r -> r.sscan(RedisKeys.SWARMS, at, new ScanParams().count(SCAN_COUNT)));
            swarms.getResult().forEach(action);
            cursor = swarms.getCursorAsBytes();
        } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
    }

    private long collect(byte[] swarm, byte[] cutoffNanos, long cutoffValue) {
        byte[] counter = swarm.length > 4 && swarm[4] == 'S' ? RedisKeys.SEEDER_COUNT : RedisKeys.LEECHER_COUNT;
        long removed = 0;
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            byte[] at = cursor;
            ScanResult<Map.Entry<byte[], byte[]>> page = redis.call(r -> r.hscan(swarm, at, new ScanParams().count(SCAN_COUNT)));
            List<byte[]> candidates = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> e : page.getResult()) {
                if (Long.parseLong(new String(e.getValue())) <= cutoffValue) {
                    candidates.add(e.getKey());
                }
            }
            cursor = page.getCursorAsBytes();
            boolean last = java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY);
            if (!candidates.isEmpty() || last) {
                removed += redis.swarmWrites().collect(swarm, counter, cutoffNanos, candidates);
            }
        } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        return removed;
    }

    @Override
    public StoreStatistics statistics() {
        Set<InfoHash> infoHashes = new HashSet<>();
        forEachSwarm(swarm -> {
            InfoHash h = RedisKeys.infoHashOf(swarm);
            if (h != null) {
                infoHashes.add(h);
            }
        });
        return redis.call(r -> new StoreStatistics(infoHashes.size(), counter(r.get(RedisKeys.SEEDER_COUNT)),
                counter(r.get(RedisKeys.LEECHER_COUNT))));
    }

    @Override
    public void write(WriteBatch batch) {
        redis.swarmWrites().write(batch);
    }

    /** The four swarm hashes and the download count of every info hash, in one pipeline. */
    @Override
    public Map<InfoHash, SwarmSnapshot> loadSwarms(Collection<InfoHash> infoHashes) {
        List<InfoHash> distinct = List.copyOf(new LinkedHashSet<>(infoHashes));
        return redis.call(r -> {
            List<Response<Map<byte[], byte[]>>> hashes = new ArrayList<>(4 * distinct.size());
            List<Response<byte[]>> downloads = new ArrayList<>(distinct.size());
            try (AbstractPipeline pipeline = r.pipelined()) {
                for (InfoHash infoHash : distinct) {
                    for (int i = 0; i < 4; i++) {
                        hashes.add(pipeline.hgetAll(RedisKeys.swarm(infoHash, i < 2, i % 2 == 1)));
                    }
                    downloads.add(pipeline.hget(RedisKeys.DOWNLOADS, infoHash.bytes()));
                }
                pipeline.sync();
            }
            Map<InfoHash, SwarmSnapshot> swarms = new LinkedHashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                List<StoredPeer> peers = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    boolean seeders = j < 2;
                    hashes.get(4 * i + j).get().forEach((peer, nanos) -> peers.add(new StoredPeer(RedisKeys.peerOf(peer), seeders,
                            RedisKeys.instantOf(nanos).toEpochMilli())));
                }
                byte[] downloaded = downloads.get(i).get();
                swarms.put(distinct.get(i), new SwarmSnapshot(distinct.get(i), peers,
                        downloaded == null ? 0 : Long.parseLong(new String(downloaded)), true));
            }
            return swarms;
        });
    }

    /** Redis cannot tell what changed by time: the recently used swarms are read whole, a pipeline a chunk. */
    @Override
    public List<SwarmSnapshot> changesSince(Instant since, Collection<InfoHash> recentlyUsed) {
        List<InfoHash> all = List.copyOf(recentlyUsed);
        List<SwarmSnapshot> swarms = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += SCAN_COUNT) {
            swarms.addAll(loadSwarms(all.subList(from, Math.min(all.size(), from + SCAN_COUNT))).values());
        }
        return swarms;
    }

    /** CHI_I page by page (SSCAN): the page's swarms read whole in one pipeline. */
    @Override
    public void scanSwarms(Predicate<Collection<SwarmSnapshot>> chunk) {
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            byte[] at = cursor;
            ScanResult<byte[]> page = redis.call(r -> r.sscan(RedisKeys.SWARMS, at, new ScanParams().count(SCAN_COUNT)));
            Set<InfoHash> hashes = new LinkedHashSet<>();
            for (byte[] swarm : page.getResult()) {
                InfoHash h = RedisKeys.infoHashOf(swarm);
                if (h != null) {
                    hashes.add(h);
                }
            }
            if (!hashes.isEmpty() && !chunk.test(loadSwarms(hashes).values())) {
                return;
            }
            cursor = page.getCursorAsBytes();
        } while (!java.util.Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
    }

    private static long counter(byte[] value) {
        return value == null ? 0 : Long.parseLong(new String(value));
    }
}
