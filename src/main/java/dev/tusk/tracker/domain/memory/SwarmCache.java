package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.StoredPeer;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.WriteBatch;
import dev.tusk.tracker.domain.WriteBufferFullException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * The swarms in memory, in front of a store of record. An announce changes its swarm here and
 * records the change in the {@link WriteBuffer}, under the swarm's monitor (so the buffer sees a
 * peer's changes in the order the swarm does), and is answered from here. A swarm not in memory
 * is loaded once from the store, with the buffer's changes the store does not have yet laid
 * over it; a store read and the buffer's changes are taken together under a lock that a flush
 * takes alone, so a load never misses a batch nor counts its downloads twice. Lock order: a
 * swarm's monitor, then that lock; the flush holds no monitor.
 */
public final class SwarmCache {

    /** Reads whole swarms from the store: every peer and the download count; unknown ones empty. */
    @FunctionalInterface
    public interface Loader {
        Map<InfoHash, SwarmSnapshot> load(Collection<InfoHash> infoHashes);
    }

    /** Writes a batch to the store, all or nothing. */
    @FunctionalInterface
    public interface Writer {
        void write(WriteBatch batch);
    }

    private final ConcurrentHashMap<InfoHash, CachedSwarm> swarms = new ConcurrentHashMap<>();
    private final Set<InfoHash> touched = ConcurrentHashMap.newKeySet();
    private final AtomicLong peers = new AtomicLong();
    private final WriteBuffer buffer;
    private final Loader loader;
    private final LongSupplier clockMillis;
    /** Loads share it; a flush takes it alone, from draining the buffer to the store's commit. */
    private final ReentrantReadWriteLock loadsAndFlushes = new ReentrantReadWriteLock();

    public SwarmCache(WriteBuffer buffer, Loader loader, LongSupplier clockMillis) {
        this.buffer = buffer;
        this.loader = loader;
        this.clockMillis = clockMillis;
    }

    public WriteBuffer buffer() {
        return buffer;
    }

    /** Makes the change, then chooses peers for the announcer (unless it left) and counts the swarm. */
    public AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant) {
        return announce(infoHash, peer, change, numWant, true);
    }

    /**
     * As {@link #announce(InfoHash, Peer, SwarmChange, int)}; the chosen peers have their ids only
     * when {@code peerIds} (a compact reply has none: its peers answer {@code CompactPeers} only).
     */
    public AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant, boolean peerIds) {
        while (true) {
            CachedSwarm swarm = loaded(infoHash);
            synchronized (swarm) {
                if (swarm.evicted) {
                    continue;
                }
                change(swarm, peer, change);
                List<Peer> chosen = change == SwarmChange.REMOVE ? List.of()
                        : select(swarm, peer, change.leavesSeeder(), numWant, peerIds);
                return new AnnounceOutcome(chosen, swarm.counts());
            }
        }
    }

    /**
     * Removes a peer from one role only (MoChi's deleteSeeder/deleteLeecher).
     *
     * @return whether it was there in that role
     */
    public boolean remove(InfoHash infoHash, Peer peer, boolean seeder) {
        while (true) {
            CachedSwarm swarm = loaded(infoHash);
            synchronized (swarm) {
                if (swarm.evicted) {
                    continue;
                }
                if (!swarm.has(peer, seeder)) {
                    return false;
                }
                change(swarm, peer, SwarmChange.REMOVE);
                return true;
            }
        }
    }

    /** Candidates of one family, as {@code PeerStore.announcePeers} gives them. */
    public List<Peer> candidates(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) {
        while (true) {
            CachedSwarm swarm = loaded(infoHash);
            synchronized (swarm) {
                if (!swarm.evicted) {
                    return swarm.candidates(forSeeder, v6, numWant, randomStart());
                }
            }
        }
    }

    /**
     * The counts of several swarms, each once, in the order given. The ones not in memory are
     * loaded together in one call; a swarm found empty is answered without being kept.
     */
    public Map<InfoHash, SwarmCounts> scrape(Collection<InfoHash> infoHashes) {
        Map<InfoHash, SwarmCounts> counts = new LinkedHashMap<>();
        Set<InfoHash> missing = new LinkedHashSet<>();
        for (InfoHash h : infoHashes) {
            counts.put(h, null);
            CachedSwarm swarm = swarms.get(h);
            SwarmCounts known = swarm == null ? null : countsIfLoaded(swarm);
            if (known == null) {
                missing.add(h);
            } else {
                counts.put(h, known);
            }
        }
        if (!missing.isEmpty()) {
            for (Loaded loaded : readFromStore(missing)) {
                InfoHash h = loaded.snapshot().infoHash();
                if (loaded.snapshot().peers().isEmpty() && loaded.pending().isEmpty()) {
                    counts.put(h, new SwarmCounts(0, 0, loaded.snapshot().downloads() + loaded.pendingDownloads()));
                    continue;
                }
                CachedSwarm swarm = swarms.computeIfAbsent(h, CachedSwarm::new);
                synchronized (swarm) {
                    if (!swarm.loaded && !swarm.evicted) {
                        fill(swarm, loaded);
                    }
                    counts.put(h, swarm.loaded ? swarm.counts() : SwarmCounts.EMPTY);
                }
            }
        }
        return counts;
    }

    /**
     * Takes whole swarms the store was walked for (a cache filling itself) while memory holds
     * fewer than {@code maxSwarms} swarms and {@code maxPeers} peers. A swarm already in memory
     * keeps what it has: every swarm written to since the walk read it was loaded on its write.
     *
     * @return how many swarms were taken
     */
    public int adopt(Collection<SwarmSnapshot> snapshots, int maxSwarms, long maxPeers) {
        int adopted = 0;
        for (SwarmSnapshot snapshot : snapshots) {
            if (swarms.size() >= maxSwarms || peers.get() >= maxPeers) {
                break;
            }
            CachedSwarm swarm = swarms.computeIfAbsent(snapshot.infoHash(), CachedSwarm::new);
            synchronized (swarm) {
                if (!swarm.loaded && !swarm.evicted) {
                    fill(swarm, withPending(snapshot));
                    adopted++;
                }
            }
        }
        return adopted;
    }

    private static SwarmCounts countsIfLoaded(CachedSwarm swarm) {
        synchronized (swarm) {
            return swarm.loaded && !swarm.evicted ? swarm.counts() : null;
        }
    }

    /**
     * Writes the next batch of pending changes with {@code writer}; on failure the batch goes
     * back into the buffer and the failure is thrown.
     *
     * @return how many peer writes and download counts were written
     */
    public int flush(Writer writer, int maxWrites) {
        loadsAndFlushes.writeLock().lock();
        try {
            WriteBatch batch = buffer.drain(maxWrites);
            if (batch.isEmpty()) {
                buffer.written();
                return 0;
            }
            try {
                writer.write(batch);
            } catch (RuntimeException | Error e) {
                buffer.failed();
                throw e;
            }
            buffer.written();
            return batch.size();
        } finally {
            loadsAndFlushes.writeLock().unlock();
        }
    }

    /**
     * Lays what the store says over the swarms in memory (other nodes' writes): a peer with a
     * pending change here keeps it; otherwise the later of the two wins. A complete snapshot also
     * removes the peers the store no longer has and sets the download count.
     */
    public void apply(Collection<SwarmSnapshot> snapshots) {
        for (SwarmSnapshot snapshot : snapshots) {
            CachedSwarm swarm = swarms.get(snapshot.infoHash());
            if (swarm == null) {
                continue;
            }
            synchronized (swarm) {
                if (!swarm.loaded || swarm.evicted) {
                    continue;
                }
                int before = swarm.size();
                InfoHash h = snapshot.infoHash();
                if (snapshot.complete()) {
                    Set<Peer> stored = new HashSet<>();
                    snapshot.peers().forEach(p -> stored.add(p.peer()));
                    for (Peer p : swarm.peerKeys()) {
                        if (!stored.contains(p) && !buffer.isPending(h, p)) {
                            swarm.remove(p);
                        }
                    }
                    swarm.setDownloads(snapshot.downloads() + buffer.pendingDownloads(h));
                }
                for (StoredPeer p : snapshot.peers()) {
                    if (!buffer.isPending(h, p.peer())) {
                        swarm.merge(p.peer(), p.seeder(), p.lastSeenMillis());
                    }
                }
                peers.addAndGet(swarm.size() - before);
            }
        }
    }

    /** Drops peers last seen at or before the cutoff, and swarms left empty; @return peers dropped. */
    public long collectGarbage(long cutoffMillis) {
        long removed = 0;
        for (CachedSwarm swarm : swarms.values()) {
            synchronized (swarm) {
                if (swarm.evicted || !swarm.loaded) {
                    continue;
                }
                int n = swarm.removeSeenAtOrBefore(cutoffMillis);
                peers.addAndGet(-n);
                removed += n;
                if (swarm.size() == 0) {
                    evictLocked(swarm);
                }
            }
        }
        return removed;
    }

    /**
     * When the cache holds more than {@code maxSwarms} swarms or {@code maxPeers} peers, drops
     * the least recently used swarms until it holds at most nine tenths of each (their pending
     * changes stay in the buffer; the swarm is loaded again on its next use).
     *
     * @return how many swarms were dropped
     */
    public int evictOverBounds(int maxSwarms, long maxPeers) {
        if (swarms.size() <= maxSwarms && peers.get() <= maxPeers) {
            return 0;
        }
        List<CachedSwarm> byAge = new ArrayList<>(swarms.values());
        byAge.sort((a, b) -> Long.compare(a.lastAccessMillis, b.lastAccessMillis));
        long swarmTarget = maxSwarms * 9L / 10;
        long peerTarget = maxPeers * 9 / 10;
        int evicted = 0;
        for (CachedSwarm swarm : byAge) {
            if (swarms.size() <= swarmTarget && peers.get() <= peerTarget) {
                break;
            }
            synchronized (swarm) {
                if (!swarm.evicted) {
                    evictLocked(swarm);
                    evicted++;
                }
            }
        }
        return evicted;
    }

    /** Forgets one swarm (it is loaded again from the store on its next use). */
    public void evict(InfoHash infoHash) {
        CachedSwarm swarm = swarms.get(infoHash);
        if (swarm != null) {
            synchronized (swarm) {
                if (!swarm.evicted) {
                    evictLocked(swarm);
                }
            }
        }
    }

    /** The swarms announced or scraped since the last call. */
    public Set<InfoHash> takeTouched() {
        Set<InfoHash> taken = new HashSet<>();
        for (InfoHash h : touched) {
            if (touched.remove(h)) {
                taken.add(h);
            }
        }
        return taken;
    }

    public int swarmCount() {
        return swarms.size();
    }

    public long peerCount() {
        return peers.get();
    }

    private void evictLocked(CachedSwarm swarm) {
        swarm.evicted = true;
        swarms.remove(swarm.infoHash, swarm);
        if (swarm.loaded) {
            peers.addAndGet(-swarm.size());
        }
    }

    /**
     * Whether the swarm is in memory, so that an announce or scrape of it needs no store round
     * trip (read without locking: at worst a swarm evicted a moment later is loaded again).
     */
    public boolean isInMemory(InfoHash infoHash) {
        CachedSwarm swarm = swarms.get(infoHash);
        return swarm != null && swarm.loaded && !swarm.evicted;
    }

    /** The swarm in memory, loaded from the store first if need be (one call, on this thread). */
    private CachedSwarm loaded(InfoHash infoHash) {
        CachedSwarm swarm = swarms.get(infoHash);
        if (swarm == null) {
            swarm = swarms.computeIfAbsent(infoHash, CachedSwarm::new);
        }
        long now = clockMillis.getAsLong();
        if (swarm.lastAccessMillis != now) {
            swarm.lastAccessMillis = now;
        }
        if (!touched.contains(infoHash)) {
            // a lock-free read first: the set already holds most swarms announced, and adding one
            // present locks its bin; a refresh taking it meanwhile covers this announce already
            touched.add(infoHash);
        }
        if (!swarm.loaded) {
            synchronized (swarm) {
                if (!swarm.loaded && !swarm.evicted) {
                    fill(swarm, readFromStore(List.of(infoHash)).get(0));
                }
            }
        }
        return swarm;
    }

    /**
     * A swarm as the store has it and the changes the store does not have yet, read together: no
     * flush runs between the two, so nothing is missed or counted twice.
     */
    private record Loaded(SwarmSnapshot snapshot, List<PeerWrite> pending, long pendingDownloads) {
    }

    /**
     * Reads swarms from the store with the buffer's changes for them. Lock order: a swarm's
     * monitor may be held when this is called, never the other way round.
     */
    private List<Loaded> readFromStore(Collection<InfoHash> infoHashes) {
        loadsAndFlushes.readLock().lock();
        try {
            Map<InfoHash, SwarmSnapshot> read = loader.load(infoHashes);
            List<Loaded> loaded = new ArrayList<>(infoHashes.size());
            for (InfoHash h : infoHashes) {
                SwarmSnapshot snapshot = read.getOrDefault(h, SwarmSnapshot.empty(h));
                loaded.add(new Loaded(snapshot, buffer.pendingFor(h), buffer.pendingDownloads(h)));
            }
            return loaded;
        } finally {
            loadsAndFlushes.readLock().unlock();
        }
    }

    /**
     * A swarm a walk of the store read earlier, with the buffer's changes as they are now. A
     * swarm written to since the walk read it was loaded by that write and is not taken; what a
     * flush wrote in between for a swarm that had left memory with changes pending is the one
     * thing such a swarm may lack until it is read again.
     */
    private Loaded withPending(SwarmSnapshot snapshot) {
        loadsAndFlushes.readLock().lock();
        try {
            return new Loaded(snapshot, buffer.pendingFor(snapshot.infoHash()), buffer.pendingDownloads(snapshot.infoHash()));
        } finally {
            loadsAndFlushes.readLock().unlock();
        }
    }

    private void fill(CachedSwarm swarm, Loaded loaded) {
        for (StoredPeer p : loaded.snapshot().peers()) {
            swarm.put(p.peer(), p.seeder(), p.lastSeenMillis());
        }
        for (PeerWrite w : loaded.pending()) {
            if (w.isPut()) {
                swarm.put(w.peer(), w.seeder(), w.atMillis());
            } else {
                swarm.remove(w.peer());
            }
        }
        swarm.setDownloads(loaded.snapshot().downloads() + loaded.pendingDownloads());
        swarm.loaded = true;
        peers.addAndGet(swarm.size());
    }

    /** Records the change in the buffer (refused when full, with nothing changed), then makes it here. */
    private void change(CachedSwarm swarm, Peer peer, SwarmChange change) {
        long now = clockMillis.getAsLong();
        InfoHash h = swarm.infoHash;
        PeerWrite.Role role = swarm.roleOf(peer);
        PeerWrite write = switch (change) {
            case PUT_SEEDER -> new PeerWrite(h, peer, PeerWrite.Kind.PUT_SEEDER, false, now, role);
            case PUT_LEECHER -> new PeerWrite(h, peer, PeerWrite.Kind.PUT_LEECHER, false, now, role);
            case GRADUATE -> new PeerWrite(h, peer, PeerWrite.Kind.PUT_SEEDER, role == PeerWrite.Role.LEECHER, now, role);
            case REMOVE -> new PeerWrite(h, peer, PeerWrite.Kind.REMOVE, false, now, role);
        };
        long downloads = change == SwarmChange.GRADUATE ? 1 : 0;
        if (!buffer.offer(write, downloads)) {
            throw new WriteBufferFullException(buffer.capacity());
        }
        int before = swarm.size();
        if (write.isPut()) {
            swarm.put(peer, write.seeder(), now);
        } else {
            swarm.remove(peer);
        }
        swarm.addDownloads(downloads);
        peers.addAndGet(swarm.size() - before);
    }

    private static List<Peer> select(CachedSwarm swarm, Peer announcer, boolean announcerIsSeeder, int numWant, boolean peerIds) {
        if (numWant <= 0) {
            return List.of();
        }
        return swarm.choose(announcer, announcerIsSeeder, numWant, randomStart(), peerIds);
    }

    private static int randomStart() {
        return ThreadLocalRandom.current().nextInt(1 << 30);
    }
}
