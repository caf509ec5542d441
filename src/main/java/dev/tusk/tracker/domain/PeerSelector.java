package dev.tusk.tracker.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the peers an announcer receives: the announcer's own address family first, then the
 * other; each family as the store orders it (seeders first for a leecher, leechers only for a
 * seeder); no duplicates; never the announcer itself (matched by peer id, so a dual-stack
 * client does not get its other address back).
 */
public final class PeerSelector {
    private final PeerStore store;

    public PeerSelector(PeerStore store) {
        this.store = store;
    }

    public List<Peer> select(InfoHash infoHash, Peer announcer, boolean announcerIsSeeder, int numWant) {
        if (numWant <= 0) {
            return List.of();
        }
        Map<Peer, Peer> chosen = new LinkedHashMap<>();
        for (boolean v6 : new boolean[] {announcer.isV6(), !announcer.isV6()}) {
            int missing = numWant - chosen.size();
            if (missing <= 0) {
                break;
            }
            // One more than missing, in case the announcer is among them.
            for (Peer peer : store.announcePeers(infoHash, announcerIsSeeder, missing + 1, v6)) {
                if (chosen.size() == numWant) {
                    break;
                }
                if (!peer.id().equals(announcer.id())) {
                    chosen.putIfAbsent(peer, peer);
                }
            }
        }
        return new ArrayList<>(chosen.keySet());
    }
}
