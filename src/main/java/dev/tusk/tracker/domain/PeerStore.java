package dev.tusk.tracker.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where swarms live, as announces and scrapes see them: MoChi's PeerStorage operations and the
 * announce and scrape built on them. What a store also does for operators and timers is
 * {@link StoreMaintenance}, for the swarm cache {@link SwarmStore}; a whole store is a
 * {@link TrackerStore}. Implementations report failures as {@link StoreUnavailableException}.
 */
public interface PeerStore {

    /**
     * Adds or refreshes a peer in one role (MoChi's putSeeder and putLeecher); a leecher put as
     * a seeder becomes one.
     */
    void put(InfoHash infoHash, Peer peer, boolean seeder);

    /** Removes a peer from one role (deleteSeeder, deleteLeecher). @return false when it was not there (not an error) */
    boolean delete(InfoHash infoHash, Peer peer, boolean seeder);

    default void putSeeder(InfoHash infoHash, Peer peer) {
        put(infoHash, peer, true);
    }

    default boolean deleteSeeder(InfoHash infoHash, Peer peer) {
        return delete(infoHash, peer, true);
    }

    default void putLeecher(InfoHash infoHash, Peer peer) {
        put(infoHash, peer, false);
    }

    default boolean deleteLeecher(InfoHash infoHash, Peer peer) {
        return delete(infoHash, peer, false);
    }

    /**
     * The peer finished downloading: a leecher becomes a seeder (a peer that was not a leecher
     * is added as a seeder) and the swarm's download count grows by one, atomically.
     */
    void graduateLeecher(InfoHash infoHash, Peer peer);

    /**
     * Peers of one address family for an announcer: leechers for a seeder; seeders first, then
     * leechers, for a leecher. At most {@code numWant}; may include the announcer itself.
     */
    List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6);

    SwarmCounts scrapeSwarm(InfoHash infoHash);

    /**
     * The counts of several swarms, in the order given (each once). This default asks swarm by
     * swarm; a store may answer in one round trip.
     */
    default Map<InfoHash, SwarmCounts> scrapeSwarms(Collection<InfoHash> infoHashes) {
        Map<InfoHash, SwarmCounts> counts = new LinkedHashMap<>();
        for (InfoHash infoHash : infoHashes) {
            counts.computeIfAbsent(infoHash, this::scrapeSwarm);
        }
        return counts;
    }

    /**
     * One announce: makes the change, then chooses peers for the announcer by
     * {@link PeerSelector}'s rules and reads the swarm's counts. This default composes the
     * operations above; a store may answer the same in fewer round trips.
     */
    default AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant) {
        switch (change) {
            case PUT_SEEDER -> putSeeder(infoHash, peer);
            case PUT_LEECHER -> putLeecher(infoHash, peer);
            case GRADUATE -> graduateLeecher(infoHash, peer);
            case REMOVE -> {
                deleteSeeder(infoHash, peer);
                deleteLeecher(infoHash, peer);
            }
        }
        List<Peer> peers = change == SwarmChange.REMOVE ? List.of()
                : new PeerSelector(this).select(infoHash, peer, change.leavesSeeder(), numWant);
        return new AnnounceOutcome(peers, scrapeSwarm(infoHash));
    }
}
