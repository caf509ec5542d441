package dev.tusk.tracker.domain.memory;

import static dev.tusk.tracker.domain.memory.MemoryFixtures.hash;
import static dev.tusk.tracker.domain.memory.MemoryFixtures.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.StoreUnavailableException;
import dev.tusk.tracker.domain.StoredPeer;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.WriteBatch;
import dev.tusk.tracker.domain.WriteBufferFullException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SwarmCacheTest {

    /** A store of record in a map, counting its loads, able to fail. */
    private static class MapStore implements SwarmCache.Loader, SwarmCache.Writer {
        final Map<InfoHash, Map<Peer, StoredPeer>> swarms = new HashMap<>();
        final Map<InfoHash, Long> downloads = new HashMap<>();
        final List<WriteBatch> batches = new ArrayList<>();
        int loads;
        boolean down;

        @Override
        public Map<InfoHash, SwarmSnapshot> load(Collection<InfoHash> infoHashes) {
            if (down) {
                throw new StoreUnavailableException("down", null);
            }
            loads++;
            Map<InfoHash, SwarmSnapshot> out = new LinkedHashMap<>();
            for (InfoHash h : infoHashes) {
                out.put(h, new SwarmSnapshot(h, List.copyOf(swarms.getOrDefault(h, Map.of()).values()),
                        downloads.getOrDefault(h, 0L), true));
            }
            return out;
        }

        @Override
        public void write(WriteBatch batch) {
            if (down) {
                throw new StoreUnavailableException("down", null);
            }
            batches.add(batch);
            for (PeerWrite w : batch.writes()) {
                Map<Peer, StoredPeer> swarm = swarms.computeIfAbsent(w.infoHash(), h -> new HashMap<>());
                if (w.isPut()) {
                    swarm.put(w.peer(), new StoredPeer(w.peer(), w.seeder(), w.atMillis()));
                } else {
                    swarm.remove(w.peer());
                }
            }
            batch.downloads().forEach((h, n) -> downloads.merge(h, n, Long::sum));
        }

        void put(InfoHash h, Peer p, boolean seeder, long at) {
            swarms.computeIfAbsent(h, k -> new HashMap<>()).put(p, new StoredPeer(p, seeder, at));
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private MapStore store;
    private SwarmCache cache;

    @BeforeEach
    void setUp() {
        store = new MapStore();
        cache = new SwarmCache(new WriteBuffer(1000), store, clock::get);
    }

    @Test
    void aSwarmIsLoadedOnceThenServedFromMemory() {
        InfoHash h = hash(1);
        Peer seeder = peer("10.0.0.1", 1);
        store.put(h, seeder, true, 5);
        store.downloads.put(h, 7L);

        AnnounceOutcome first = cache.announce(h, peer("10.0.0.2", 2), SwarmChange.PUT_LEECHER, 50);
        AnnounceOutcome second = cache.announce(h, peer("10.0.0.3", 3), SwarmChange.PUT_LEECHER, 50);

        assertThat(store.loads).isEqualTo(1);
        assertThat(first.peers()).containsExactly(seeder);
        assertThat(second.swarm()).isEqualTo(new SwarmCounts(1, 2, 7));
        assertThat(cache.peerCount()).isEqualTo(3);
        assertThat(store.swarms.get(h)).as("nothing written before a flush").hasSize(1);
    }

    @Test
    void aFlushWritesTheCoalescedChangesAndDownloads() {
        InfoHash h = hash(1);
        Peer p = peer("10.0.0.1", 1);
        cache.announce(h, p, SwarmChange.PUT_LEECHER, 50);
        cache.announce(h, p, SwarmChange.GRADUATE, 50);
        cache.announce(h, peer("10.0.0.2", 2), SwarmChange.REMOVE, 0);

        assertThat(cache.flush(store, 100)).isEqualTo(3);
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.get(0).writes()).extracting(PeerWrite::kind, PeerWrite::graduated)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PeerWrite.Kind.PUT_SEEDER, true),
                        org.assertj.core.groups.Tuple.tuple(PeerWrite.Kind.REMOVE, false));
        assertThat(store.swarms.get(h).get(p).seeder()).isTrue();
        assertThat(store.downloads).containsEntry(h, 1L);
        assertThat(cache.flush(store, 100)).as("nothing left").isZero();
    }

    @Test
    void eachWriteSaysTheRoleTheStoreHadSoThatBatchesChangeTheTotalsExactly() {
        InfoHash h = hash(1);
        Peer a = peer("10.0.0.1", 1);
        Peer b = peer("10.0.0.2", 2);
        cache.announce(h, a, SwarmChange.PUT_LEECHER, 0);
        cache.announce(h, b, SwarmChange.PUT_SEEDER, 0);
        cache.flush(store, 100);
        cache.announce(h, a, SwarmChange.GRADUATE, 0);
        cache.announce(h, a, SwarmChange.PUT_SEEDER, 0);
        cache.announce(h, b, SwarmChange.REMOVE, 0);
        cache.flush(store, 100);

        assertThat(store.batches.get(0).writes()).extracting(PeerWrite::before).containsOnly(PeerWrite.Role.ABSENT);
        assertThat(store.batches.get(1).writes()).extracting(PeerWrite::before)
                .containsExactly(PeerWrite.Role.LEECHER, PeerWrite.Role.SEEDER);
        assertThat(store.batches.get(1).writes().stream().mapToInt(PeerWrite::seedersDelta).sum()).isZero();
        assertThat(store.batches.get(1).writes().stream().mapToInt(PeerWrite::leechersDelta).sum()).isEqualTo(-1);
    }

    @Test
    void roleChangesAndRemovesKeepTheCountsExact() {
        InfoHash h = hash(1);
        Peer p = peer("10.0.0.1", 1);
        assertThat(cache.announce(h, p, SwarmChange.PUT_LEECHER, 0).swarm()).isEqualTo(new SwarmCounts(0, 1, 0));
        assertThat(cache.announce(h, p, SwarmChange.PUT_SEEDER, 0).swarm()).isEqualTo(new SwarmCounts(1, 0, 0));
        assertThat(cache.announce(h, p, SwarmChange.GRADUATE, 0).swarm()).isEqualTo(new SwarmCounts(1, 0, 1));
        assertThat(cache.remove(h, p, false)).as("not a leecher").isFalse();
        assertThat(cache.announce(h, p, SwarmChange.REMOVE, 0).swarm()).isEqualTo(new SwarmCounts(0, 0, 1));
        assertThat(cache.peerCount()).isZero();
    }

    @Test
    void peersAreChosenByRoleAndFamilyWithoutTheAnnouncer() {
        InfoHash h = hash(1);
        List<Peer> seeders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Peer s = peer("10.0.1." + i, i);
            seeders.add(s);
            cache.announce(h, s, SwarmChange.PUT_SEEDER, 0);
        }
        Peer v6Seeder = peer("2001:db8::1", 20);
        cache.announce(h, v6Seeder, SwarmChange.PUT_SEEDER, 0);
        Peer leecher = peer("10.0.2.1", 30);
        cache.announce(h, leecher, SwarmChange.PUT_LEECHER, 0);

        Peer newcomer = peer("10.0.2.2", 31);
        List<Peer> forLeecher = cache.announce(h, newcomer, SwarmChange.PUT_LEECHER, 50).peers();
        assertThat(forLeecher).hasSize(7).doesNotContain(newcomer);
        assertThat(forLeecher.subList(0, 5)).containsExactlyInAnyOrderElementsOf(seeders);
        assertThat(forLeecher.get(5)).isEqualTo(leecher);
        assertThat(forLeecher.get(6)).as("the other family last").isEqualTo(v6Seeder);

        List<Peer> forSeeder = cache.announce(h, peer("10.0.1.9", 40), SwarmChange.PUT_SEEDER, 50).peers();
        assertThat(forSeeder).containsExactlyInAnyOrder(leecher, newcomer);
        assertThat(cache.announce(h, peer("10.0.2.9", 41), SwarmChange.PUT_LEECHER, 3).peers()).hasSize(3)
                .allMatch(p -> p.address().getHostAddress().startsWith("10.0.1."));
        assertThat(cache.announce(h, peer("10.0.2.10", 42), SwarmChange.PUT_LEECHER, 0).peers()).isEmpty();
    }

    @Test
    void aSwarmLoadedAgainGetsTheChangesTheStoreHasNotYet() {
        InfoHash h = hash(1);
        Peer stored = peer("10.0.0.1", 1);
        store.put(h, stored, false, 5);
        Peer added = peer("10.0.0.2", 2);
        cache.announce(h, added, SwarmChange.GRADUATE, 0);
        cache.announce(h, stored, SwarmChange.REMOVE, 0);
        cache.evict(h);

        assertThat(cache.scrape(List.of(h)).get(h)).isEqualTo(new SwarmCounts(1, 0, 1));
        assertThat(store.loads).isEqualTo(2);
        cache.flush(store, 100);
        cache.evict(h);
        assertThat(cache.scrape(List.of(h)).get(h)).as("after the flush, from the store alone").isEqualTo(new SwarmCounts(1, 0, 1));
    }

    @Test
    void aFailedFlushKeepsEveryChangeForTheNextOne() {
        InfoHash h = hash(1);
        Peer p = peer("10.0.0.1", 1);
        cache.announce(h, p, SwarmChange.GRADUATE, 0);
        store.down = true;
        assertThatThrownBy(() -> cache.flush(store, 100)).isInstanceOf(StoreUnavailableException.class);
        assertThat(cache.announce(h, peer("10.0.0.2", 2), SwarmChange.PUT_LEECHER, 50).peers())
                .as("answered from memory while the store is down").containsExactly(p);
        store.down = false;
        assertThat(cache.flush(store, 100)).isEqualTo(3);
        assertThat(store.swarms.get(h)).hasSize(2);
        assertThat(store.downloads).containsEntry(h, 1L);
    }

    @Test
    void aFullBufferRefusesNewPeersAndChangesNothing() {
        cache = new SwarmCache(new WriteBuffer(2), store, clock::get);
        InfoHash h = hash(1);
        cache.announce(h, peer("10.0.0.1", 1), SwarmChange.PUT_LEECHER, 0);
        cache.announce(h, peer("10.0.0.2", 2), SwarmChange.PUT_LEECHER, 0);
        assertThatThrownBy(() -> cache.announce(h, peer("10.0.0.3", 3), SwarmChange.PUT_LEECHER, 0))
                .isInstanceOf(WriteBufferFullException.class);
        assertThat(cache.scrape(List.of(h)).get(h)).isEqualTo(new SwarmCounts(0, 2, 0));
        cache.announce(h, peer("10.0.0.1", 1), SwarmChange.PUT_SEEDER, 0);
        assertThat(cache.scrape(List.of(h)).get(h)).as("a pending peer may still change").isEqualTo(new SwarmCounts(1, 1, 0));
    }

    @Test
    void garbageCollectionDropsStalePeersAndEmptySwarms() {
        InfoHash h = hash(1);
        InfoHash gone = hash(2);
        cache.announce(h, peer("10.0.0.1", 1), SwarmChange.PUT_SEEDER, 0);
        cache.announce(gone, peer("10.0.0.2", 2), SwarmChange.PUT_SEEDER, 0);
        clock.addAndGet(1000);
        cache.announce(h, peer("10.0.0.3", 3), SwarmChange.PUT_LEECHER, 0);

        assertThat(cache.collectGarbage(clock.get() - 1)).isEqualTo(2);
        assertThat(cache.swarmCount()).isEqualTo(1);
        assertThat(cache.peerCount()).isEqualTo(1);
        assertThat(cache.scrape(List.of(h)).get(h)).isEqualTo(new SwarmCounts(0, 1, 0));
    }

    @Test
    void theLeastRecentlyUsedSwarmsLeaveFirst() {
        for (int i = 1; i <= 10; i++) {
            clock.incrementAndGet();
            cache.announce(hash(i), peer("10.0.0.1", 1), SwarmChange.PUT_SEEDER, 0);
        }
        clock.incrementAndGet();
        cache.announce(hash(1), peer("10.0.0.2", 2), SwarmChange.PUT_SEEDER, 0);

        assertThat(cache.evictOverBounds(5, 1_000)).isEqualTo(6);
        assertThat(cache.swarmCount()).isEqualTo(4);
        assertThat(cache.peerCount()).isEqualTo(5);
        int loads = store.loads;
        cache.scrape(List.of(hash(1), hash(10)));
        assertThat(store.loads).as("the recently used ones stayed").isEqualTo(loads);
        assertThat(cache.evictOverBounds(5, 1_000)).isZero();
    }

    @Test
    void otherWritersPeersAreLaidOverButNeverOverPendingChanges() {
        InfoHash h = hash(1);
        Peer mine = peer("10.0.0.1", 1);
        Peer theirs = peer("10.0.0.2", 2);
        cache.announce(h, mine, SwarmChange.PUT_LEECHER, 0);

        cache.apply(List.of(new SwarmSnapshot(h, List.of(new StoredPeer(theirs, true, clock.get()),
                new StoredPeer(mine, true, clock.get() + 5)), 0, false)));
        assertThat(cache.scrape(List.of(h)).get(h)).as("mine has a pending change").isEqualTo(new SwarmCounts(1, 1, 0));

        cache.flush(store, 100);
        cache.apply(List.of(new SwarmSnapshot(h, List.of(new StoredPeer(mine, true, clock.get() + 5)), 0, false)));
        assertThat(cache.scrape(List.of(h)).get(h)).as("written later elsewhere").isEqualTo(new SwarmCounts(2, 0, 0));
        cache.apply(List.of(new SwarmSnapshot(h, List.of(new StoredPeer(mine, false, clock.get() - 5)), 0, false)));
        assertThat(cache.scrape(List.of(h)).get(h)).as("an older row changes nothing").isEqualTo(new SwarmCounts(2, 0, 0));

        cache.apply(List.of(new SwarmSnapshot(h, List.of(new StoredPeer(theirs, true, clock.get())), 4, true)));
        assertThat(cache.scrape(List.of(h)).get(h)).as("a whole swarm replaces").isEqualTo(new SwarmCounts(1, 0, 4));
        assertThat(cache.peerCount()).isEqualTo(1);
    }

    @Test
    void anUnknownSwarmIsScrapedWithoutBeingKept() {
        assertThat(cache.scrape(List.of(hash(1), hash(2), hash(1)))).containsOnlyKeys(hash(1), hash(2))
                .containsValue(SwarmCounts.EMPTY);
        assertThat(cache.swarmCount()).isZero();
        assertThat(store.loads).isEqualTo(1);
    }

    @Test
    void aSwarmThatCannotBeLoadedFailsTheAnnounceAndIsLoadedLater() {
        store.down = true;
        InfoHash h = hash(1);
        assertThatThrownBy(() -> cache.announce(h, peer("10.0.0.1", 1), SwarmChange.PUT_LEECHER, 50))
                .isInstanceOf(StoreUnavailableException.class);
        store.down = false;
        assertThat(cache.announce(h, peer("10.0.0.1", 1), SwarmChange.PUT_LEECHER, 50).swarm()).isEqualTo(new SwarmCounts(0, 1, 0));
        assertThat(cache.buffer().size()).isEqualTo(1);
    }

    @Test
    void aWalkOfTheStoreFillsMemoryUpToTheBoundsAndNeverOverSwarmsInUse() {
        InfoHash used = hash(1);
        store.put(used, peer("10.0.0.1", 1), true, 5);
        cache.announce(used, peer("10.0.0.2", 2), SwarmChange.PUT_LEECHER, 0);
        List<SwarmSnapshot> walked = new ArrayList<>();
        walked.add(new SwarmSnapshot(used, List.of(), 0, true));
        for (int i = 2; i <= 6; i++) {
            walked.add(new SwarmSnapshot(hash(i), List.of(new StoredPeer(peer("10.0.1." + i, i), i % 2 == 0, 5)), i, true));
        }

        assertThat(cache.adopt(walked, 4, 1_000)).as("up to four swarms in memory").isEqualTo(3);
        assertThat(cache.swarmCount()).isEqualTo(4);
        int loads = store.loads;
        assertThat(cache.scrape(List.of(used, hash(2), hash(4))))
                .containsEntry(used, new SwarmCounts(1, 1, 0))
                .containsEntry(hash(2), new SwarmCounts(1, 0, 2))
                .containsEntry(hash(4), new SwarmCounts(1, 0, 4));
        assertThat(store.loads).as("served from memory").isEqualTo(loads);
        assertThat(cache.adopt(walked, 100, 3)).as("the peer bound").isZero();
    }

    @Test
    void loadsScrapesWalksAndFlushesTogetherNeverDeadlock() throws Exception {
        // A store that answers slowly and is safe for concurrent use, as a real one.
        MapStore slow = new MapStore() {
            @Override
            public synchronized Map<InfoHash, SwarmSnapshot> load(Collection<InfoHash> infoHashes) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                return super.load(infoHashes);
            }

            @Override
            public synchronized void write(WriteBatch batch) {
                super.write(batch);
            }
        };
        SwarmCache shared = new SwarmCache(new WriteBuffer(100_000), slow, clock::get);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            work.add(pool.submit(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int i = 0; i < 2000; i++) {
                    InfoHash h = hash(random.nextInt(10));
                    shared.announce(h, peer("10.0.0." + random.nextInt(200), random.nextInt(100)), SwarmChange.PUT_LEECHER, 10);
                    if (i % 5 == 0) {
                        shared.evict(h);
                    }
                }
            }));
        }
        work.add(pool.submit(() -> {
            for (int i = 0; i < 500; i++) {
                shared.scrape(List.of(hash(i % 60), hash((i + 7) % 60)));
            }
        }));
        work.add(pool.submit(() -> {
            for (int i = 0; i < 3000; i++) {
                shared.flush(slow, 50);
            }
        }));
        work.add(pool.submit(() -> {
            for (int i = 0; i < 3000; i++) {
                List<SwarmSnapshot> walked = new ArrayList<>();
                for (int h = 0; h < 10; h++) {
                    walked.add(new SwarmSnapshot(hash(h), List.of(), 0, true));
                }
                shared.adopt(walked, 1000, 100_000);
            }
        }));
        pool.shutdown();
        assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).as("no deadlock").isTrue();
        for (java.util.concurrent.Future<?> f : work) {
            f.get();
        }
        while (shared.flush(slow, 1000) > 0) {
            // everything pending reaches the store
        }
        shared.evict(hash(3));
        long inStore = slow.swarms.getOrDefault(hash(3), Map.of()).size();
        assertThat(shared.scrape(List.of(hash(3))).get(hash(3)).leechers()).as("memory and store agree").isEqualTo(inStore);
    }
}
