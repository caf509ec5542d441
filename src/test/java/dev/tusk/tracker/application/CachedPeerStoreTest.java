package dev.tusk.tracker.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.TrackerStore;
import dev.tusk.tracker.domain.WriteBatch;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CachedPeerStoreTest {

    /** A store of record under a load that never stops: every batch it takes, a new peer announces. */
    private static final class StoreUnderLoad implements TrackerStore {
        final List<WriteBatch> batches = new ArrayList<>();
        CachedPeerStore swarms;
        int next = 100;

        @Override
        public void write(WriteBatch batch) {
            batches.add(batch);
            swarms.announce(hash(next), peer(next), SwarmChange.PUT_LEECHER, 0);
            next++;
        }

        @Override
        public Map<InfoHash, SwarmSnapshot> loadSwarms(Collection<InfoHash> infoHashes) {
            Map<InfoHash, SwarmSnapshot> empty = new LinkedHashMap<>();
            infoHashes.forEach(h -> empty.put(h, new SwarmSnapshot(h, List.of(), 0, true)));
            return empty;
        }

        @Override public List<SwarmSnapshot> changesSince(Instant since, Collection<InfoHash> recentlyUsed) { return List.of(); }
        @Override public void scanSwarms(Predicate<Collection<SwarmSnapshot>> chunk) { }
        @Override public void put(InfoHash infoHash, Peer peer, boolean seeder) { }
        @Override public boolean delete(InfoHash infoHash, Peer peer, boolean seeder) { return false; }
        @Override public void graduateLeecher(InfoHash infoHash, Peer peer) { }
        @Override public List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) { return List.of(); }
        @Override public SwarmCounts scrapeSwarm(InfoHash infoHash) { return SwarmCounts.EMPTY; }
        @Override public void ping() { }
        @Override public long collectGarbage(Instant cutoff) { return 0; }
        @Override public StoreStatistics statistics() { return new StoreStatistics(0, 0, 0); }
    }

    private static InfoHash hash(int n) {
        byte[] b = new byte[20];
        Arrays.fill(b, (byte) n);
        return InfoHash.of(b);
    }

    private static Peer peer(int n) {
        byte[] id = new byte[20];
        Arrays.fill(id, (byte) n);
        try {
            return new Peer(PeerId.of(id), InetAddress.getByName("10.0.0." + (n % 250 + 1)), 1000 + n);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    @Timeout(10) // a writer that drains until the buffer is empty never returns here
    void aWriterBehindALoadWritesWhatWasPendingThenReturnsToItsOtherWork() {
        CachedPeerStore swarms = new CachedPeerStore();
        StoreUnderLoad store = new StoreUnderLoad();
        store.swarms = swarms;
        swarms.store = store;
        swarms.settings = TestTrackerSettings.withFlushBatch(2);
        swarms.create();
        for (int i = 1; i <= 6; i++) {
            swarms.announce(hash(i), peer(i), SwarmChange.PUT_LEECHER, 0);
        }

        assertThat(swarms.flushPending()).as("the six pending when it began").isEqualTo(6);
        assertThat(store.batches).hasSize(3);
        assertThat(swarms.cache().buffer().size()).as("the peers that came meanwhile wait for the next flush").isEqualTo(3);
    }
}
