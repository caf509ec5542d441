package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreOfRecord;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.TrackerStore;
import dev.tusk.tracker.domain.memory.SwarmCache;
import dev.tusk.tracker.domain.memory.WriteBuffer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The tracker's {@link PeerStore} and {@link StoreMaintenance}: swarms served from memory
 * ({@link SwarmCache}) in front of the store of record, which gets the changes in batches
 * ({@link WriteBehind} flushes them) and is read only for swarms not in memory, for other
 * writers' changes, GC and statistics.
 */
@ApplicationScoped
@Typed({CachedPeerStore.class, PeerStore.class, StoreMaintenance.class})
public class CachedPeerStore implements PeerStore, StoreMaintenance {

    @Inject @StoreOfRecord TrackerStore store;
    @Inject TrackerSettings settings;

    private SwarmCache cache;
    private volatile Runnable onBacklog = () -> { };
    private volatile Instant lastRefresh = Instant.now();

    @PostConstruct
    void create() {
        if (settings.writeBufferCapacity() < settings.flushBatch()) {
            throw new IllegalStateException("tracker.write_buffer_capacity must be at least tracker.flush_batch");
        }
        cache = new SwarmCache(new WriteBuffer(settings.writeBufferCapacity()), store::loadSwarms, System::currentTimeMillis);
    }

    /** Called when a full batch is pending, so that it is written without waiting for the interval. */
    void onBacklog(Runnable listener) {
        onBacklog = listener;
    }

    SwarmCache cache() {
        return cache;
    }

    @Override
    public AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant) {
        return announce(infoHash, peer, change, numWant, true);
    }

    /** An announce whose chosen peers have their ids only when {@code peerIds} (the reply lists them). */
    public AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant, boolean peerIds) {
        AnnounceOutcome outcome = cache.announce(infoHash, peer, change, numWant, peerIds);
        if (cache.buffer().size() >= settings.flushBatch()) {
            onBacklog.run();
        }
        return outcome;
    }

    @Override
    public void put(InfoHash infoHash, Peer peer, boolean seeder) {
        announce(infoHash, peer, seeder ? SwarmChange.PUT_SEEDER : SwarmChange.PUT_LEECHER, 0);
    }

    @Override
    public boolean delete(InfoHash infoHash, Peer peer, boolean seeder) {
        return cache.remove(infoHash, peer, seeder);
    }

    @Override
    public void graduateLeecher(InfoHash infoHash, Peer peer) {
        announce(infoHash, peer, SwarmChange.GRADUATE, 0);
    }

    @Override
    public List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) {
        return cache.candidates(infoHash, forSeeder, numWant, v6);
    }

    /** Whether an announce or scrape of the swarm is answered from memory alone. */
    public boolean isInMemory(InfoHash infoHash) {
        return cache.isInMemory(infoHash);
    }

    @Override
    public SwarmCounts scrapeSwarm(InfoHash infoHash) {
        return cache.scrape(List.of(infoHash)).get(infoHash);
    }

    @Override
    public Map<InfoHash, SwarmCounts> scrapeSwarms(Collection<InfoHash> infoHashes) {
        return cache.scrape(infoHashes);
    }

    @Override
    public void ping() {
        store.ping();
    }

    /** Drops the stale peers from memory, then from the store; @return how many the store removed. */
    @Override
    public long collectGarbage(Instant cutoff) {
        cache.collectGarbage(cutoff.toEpochMilli());
        return store.collectGarbage(cutoff);
    }

    /**
     * The store's totals: once it has every change made so far when no more than a batch is
     * pending (so a node keeping up reports what it was told), else as the store has them now.
     * A writer that is behind is not waited for: under a load the store cannot take as fast as
     * it comes, a reporter that drained the buffer first would not report again until the load
     * stops, and its gauges would stay behind the table.
     */
    @Override
    public StoreStatistics statistics() {
        if (cache.buffer().size() <= settings.flushBatch()) {
            cache.flush(store::write, settings.flushBatch());
        }
        return store.statistics();
    }

    /**
     * Reads the store's swarms into memory until the cache's bounds (nine tenths of them, leaving
     * room for new swarms) or until {@code keepGoing} says stop; swarms already in memory keep
     * what they have.
     *
     * @return how many swarms were read into memory
     */
    long preload(java.util.function.BooleanSupplier keepGoing) {
        long[] adopted = {0};
        int maxSwarms = settings.cache().maxSwarms() / 10 * 9;
        long maxPeers = settings.cache().maxPeers() / 10 * 9;
        store.scanSwarms(chunk -> {
            adopted[0] += cache.adopt(chunk, maxSwarms, maxPeers);
            return cache.swarmCount() < maxSwarms && cache.peerCount() < maxPeers && keepGoing.getAsBoolean();
        });
        return adopted[0];
    }

    /**
     * Writes every pending change to the store, batch by batch.
     *
     * @return how many writes and download counts were written
     * @throws dev.tusk.tracker.domain.StoreUnavailableException when the store fails (what was
     *         not written stays pending)
     */
    public long flush() {
        return flush(Long.MAX_VALUE);
    }

    /**
     * Writes what is pending now, batch by batch; what comes meanwhile waits for the next call, so
     * a writer that is behind still returns to its other work (the refresh) between calls.
     *
     * @return how many writes and download counts were written
     */
    public long flushPending() {
        return flush(Math.max(1, cache.buffer().size()));
    }

    private long flush(long atLeast) {
        long written = 0;
        int n;
        do {
            n = cache.flush(store::write, settings.flushBatch());
            written += n;
        } while (n > 0 && written < atLeast);
        return written;
    }

    /**
     * Lays what other writers put in the store over the swarms in memory: the peers written since
     * the last refresh (less a margin for batches still in flight elsewhere and clocks apart).
     */
    void refresh() {
        Instant started = Instant.now();
        Duration margin = settings.flushInterval().multipliedBy(2).plusSeconds(1);
        cache.apply(store.changesSince(lastRefresh.minus(margin), cache.takeTouched()));
        lastRefresh = started;
    }

    /** Forgets a swarm: its next use loads it from the store (for operators and tests). */
    public void forget(InfoHash infoHash) {
        cache.evict(infoHash);
    }

    /** Keeps memory within tracker.cache.max_swarms and max_peers; @return swarms dropped. */
    int evictOverBounds() {
        return cache.evictOverBounds(settings.cache().maxSwarms(), settings.cache().maxPeers());
    }
}
