package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An announce with MoChi's event mapping: {@code stopped} removes the peer (an unknown peer is
 * fine), {@code completed} graduates it, {@code left=0} puts a seeder and anything else a
 * leecher; then it gets peers and the swarm's counts, all in one store call so that the store
 * can answer in as few round trips as it can.
 */
@ApplicationScoped
public class AnnounceService {

    @Inject CachedPeerStore store;
    @Inject TorrentApproval approval;
    @Inject TrackerSettings settings;

    public AnnounceResult announce(AnnounceRequest request) {
        approval.check(request.infoHash());
        AnnounceOutcome outcome = store.announce(request.infoHash(), request.peer(), change(request), request.numWant(), request.peerIds());
        return new AnnounceResult(settings.announceInterval(), settings.minAnnounceInterval(), outcome.swarm(),
                outcome.peers());
    }

    /** Whether an announce to this swarm needs no store round trip (approval and swarm in memory). */
    public boolean answersFromMemory(InfoHash infoHash) {
        return approval.answersFromMemory(infoHash) && store.isInMemory(infoHash);
    }

    private static SwarmChange change(AnnounceRequest request) {
        return switch (request.event()) {
            case STOPPED -> SwarmChange.REMOVE;
            case COMPLETED -> SwarmChange.GRADUATE;
            default -> request.isSeeder() ? SwarmChange.PUT_SEEDER : SwarmChange.PUT_LEECHER;
        };
    }
}
