package dev.tusk.tracker.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Chooses the peers an announcer receives: the announcer's own address family first, then the
 * other; each family as the store orders it (seeders first for a leecher, leechers only for a
 * seeder); never the announcer itself (matched by peer id, so a dual-stack client does not get
 * its other address back). No peer comes twice without a set to check: a store's candidates of
 * one family are distinct (keyed by peer id, address and port), and the two families share none.
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
        boolean v6 = announcer.isV6();
        // One more than wanted, in case the announcer is among them.
        return merge(announcer, numWant, store.announcePeers(infoHash, announcerIsSeeder, numWant + 1, v6),
                limit -> store.announcePeers(infoHash, announcerIsSeeder, limit, !v6));
    }

    /**
     * The same rules over candidates already read: {@code ownFamily} as the store ordered it,
     * and the other family, asked for only when the own one falls short (with how many to read).
     */
    public static List<Peer> merge(Peer announcer, int numWant, List<Peer> ownFamily, IntFunction<List<Peer>> otherFamily) {
        if (numWant <= 0) {
            return List.of();
        }
        List<Peer> chosen = new ArrayList<>(Math.min(numWant, ownFamily.size()));
        addUpTo(chosen, ownFamily, announcer, numWant);
        int missing = numWant - chosen.size();
        if (missing > 0) {
            addUpTo(chosen, otherFamily.apply(missing + 1), announcer, numWant);
        }
        return chosen;
    }

    private static void addUpTo(List<Peer> chosen, List<Peer> candidates, Peer announcer, int numWant) {
        for (Peer peer : candidates) {
            if (chosen.size() == numWant) {
                return;
            }
            if (!peer.id().equals(announcer.id())) {
                chosen.add(peer);
            }
        }
    }
}
