package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerSelector;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * An announce with MoChi's event mapping, in one transaction: {@code stopped} removes the peer
 * (an unknown peer is fine), {@code completed} graduates it, {@code left=0} puts a seeder and
 * anything else a leecher; then it gets peers and the swarm's counts.
 */
@ApplicationScoped
@Transactional
public class AnnounceService {

    @Inject
    PeerStore store;
    @Inject
    TorrentApproval approval;
    @Inject
    TrackerSettings settings;

    private PeerSelector selector;

    @PostConstruct
    void init() {
        selector = new PeerSelector(store);
    }

    public AnnounceResult announce(AnnounceRequest request) {
        approval.check(request.infoHash());
        InfoHash infoHash = request.infoHash();
        Peer peer = request.peer();
        List<Peer> peers;
        switch (request.event()) {
            case STOPPED -> {
                store.deleteSeeder(infoHash, peer);
                store.deleteLeecher(infoHash, peer);
                peers = List.of();
            }
            case COMPLETED -> {
                store.graduateLeecher(infoHash, peer);
                peers = selector.select(infoHash, peer, true, request.numWant());
            }
            default -> {
                if (request.isSeeder()) {
                    store.putSeeder(infoHash, peer);
                } else {
                    store.putLeecher(infoHash, peer);
                }
                peers = selector.select(infoHash, peer, request.isSeeder(), request.numWant());
            }
        }
        SwarmCounts swarm = store.scrapeSwarm(infoHash);
        return new AnnounceResult(settings.announceInterval(), settings.minAnnounceInterval(), swarm, peers);
    }
}
