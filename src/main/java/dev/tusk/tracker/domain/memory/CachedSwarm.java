package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.SwarmCounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One swarm in memory: its peers by key (peer id, address, port, as the stores key them), the
 * same peers in four lists by role and family for sampling, and the download count. Not
 * thread-safe: {@link SwarmCache} holds the swarm's monitor around every use.
 */
final class CachedSwarm {
    final InfoHash infoHash;
    private final Map<Peer, CachedPeer> peers = new HashMap<>();
    /** Index: seeders 2, leechers 0; plus 1 for IPv6. */
    private final PeerList[] lists = {new PeerList(false), new PeerList(true), new PeerList(false), new PeerList(true)};
    private long downloads;
    /** Filled from the store (or found empty there); until then it holds nothing. */
    boolean loaded;
    /** Taken out of the cache: a holder of a stale reference looks the swarm up again. */
    boolean evicted;
    volatile long lastAccessMillis;

    CachedSwarm(InfoHash infoHash) {
        this.infoHash = infoHash;
    }

    private PeerList list(boolean seeder, boolean v6) {
        return lists[(seeder ? 2 : 0) + (v6 ? 1 : 0)];
    }

    /**
     * Adds or refreshes a peer in a role (leaving the other role).
     *
     * @return the peer's role before: null when it was not in the swarm
     */
    Boolean put(Peer peer, boolean seeder, long lastSeenMillis) {
        CachedPeer entry = peers.get(peer);
        if (entry == null) {
            entry = new CachedPeer(peer, seeder, lastSeenMillis);
            peers.put(peer, entry);
            list(seeder, peer.isV6()).add(entry);
            return null;
        }
        boolean before = entry.seeder;
        if (before != seeder) {
            list(before, peer.isV6()).remove(entry);
            entry.seeder = seeder;
            list(seeder, peer.isV6()).add(entry);
        }
        entry.lastSeenMillis = Math.max(entry.lastSeenMillis, lastSeenMillis);
        return before;
    }

    /** Takes the store's word for a peer unless this swarm has seen it later. @return the change in size */
    int merge(Peer peer, boolean seeder, long lastSeenMillis) {
        CachedPeer entry = peers.get(peer);
        if (entry != null && entry.lastSeenMillis >= lastSeenMillis) {
            return 0;
        }
        return put(peer, seeder, lastSeenMillis) == null ? 1 : 0;
    }

    /** @return the peer's role before: null when it was not in the swarm */
    Boolean remove(Peer peer) {
        CachedPeer entry = peers.remove(peer);
        if (entry == null) {
            return null;
        }
        list(entry.seeder, peer.isV6()).remove(entry);
        return entry.seeder;
    }

    /** Whether the peer is here in that role. */
    boolean has(Peer peer, boolean seeder) {
        CachedPeer entry = peers.get(peer);
        return entry != null && entry.seeder == seeder;
    }

    /**
     * Candidates of one family for an announcer, as a store's announce query gives them: leechers
     * for a seeder; seeders, then leechers, for a leecher. Each list is sampled from a random start.
     */
    List<Peer> candidates(boolean forSeeder, boolean v6, int limit, int randomStart) {
        SampledPeers out = new SampledPeers(limit);
        addCandidates(out, forSeeder, v6, limit, randomStart, null);
        return out;
    }

    /**
     * The peers an announcer receives (the rules of {@code PeerSelector}): its own family's
     * candidates first, then the other family's, never a peer with the announcer's id.
     */
    SampledPeers choose(Peer announcer, boolean announcerIsSeeder, int numWant, int randomStart) {
        SampledPeers out = new SampledPeers(numWant);
        boolean v6 = announcer.isV6();
        addCandidates(out, announcerIsSeeder, v6, numWant, randomStart, announcer.id());
        addCandidates(out, announcerIsSeeder, !v6, numWant, randomStart, announcer.id());
        return out;
    }

    private void addCandidates(SampledPeers out, boolean forSeeder, boolean v6, int limit, int randomStart, PeerId skip) {
        if (!forSeeder) {
            list(true, v6).sample(limit, randomStart, skip, out);
        }
        list(false, v6).sample(limit, randomStart, skip, out);
    }

    SwarmCounts counts() {
        return new SwarmCounts(list(true, false).size() + list(true, true).size(),
                list(false, false).size() + list(false, true).size(), downloads);
    }

    int size() {
        return peers.size();
    }

    long downloads() {
        return downloads;
    }

    void addDownloads(long n) {
        downloads += n;
    }

    void setDownloads(long n) {
        downloads = n;
    }

    /** Removes the peers last seen at or before the cutoff; @return how many. */
    int removeSeenAtOrBefore(long cutoffMillis) {
        int removed = 0;
        for (Iterator<CachedPeer> it = peers.values().iterator(); it.hasNext(); ) {
            CachedPeer entry = it.next();
            if (entry.lastSeenMillis <= cutoffMillis) {
                it.remove();
                list(entry.seeder, entry.peer.isV6()).remove(entry);
                removed++;
            }
        }
        return removed;
    }

    /** The peers themselves, for replacing the swarm with a store's complete view. */
    List<Peer> peerKeys() {
        return new ArrayList<>(peers.keySet());
    }
}
