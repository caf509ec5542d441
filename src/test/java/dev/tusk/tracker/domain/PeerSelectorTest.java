package dev.tusk.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerSelectorTest {

    /** A swarm in a list, ordered as a store returns it: seeders first for leechers. */
    private static final class ListStore implements PeerStore {
        final List<Peer> seeders = new ArrayList<>();
        final List<Peer> leechers = new ArrayList<>();

        @Override
        public List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) {
            List<Peer> out = new ArrayList<>();
            if (!forSeeder) {
                seeders.stream().filter(p -> p.isV6() == v6).forEach(out::add);
            }
            leechers.stream().filter(p -> p.isV6() == v6).forEach(out::add);
            return out.subList(0, Math.min(numWant, out.size()));
        }

        @Override public void put(InfoHash i, Peer p, boolean seeder) { }
        @Override public boolean delete(InfoHash i, Peer p, boolean seeder) { return false; }
        @Override public void graduateLeecher(InfoHash i, Peer p) { }
        @Override public SwarmCounts scrapeSwarm(InfoHash i) { return SwarmCounts.EMPTY; }
    }

    private static final InfoHash HASH = InfoHash.of(new byte[20]);

    private static Peer peer(char id, String address) throws Exception {
        byte[] raw = new byte[20];
        Arrays.fill(raw, (byte) id);
        return new Peer(PeerId.of(raw), InetAddress.getByName(address), 6881);
    }

    @Test
    void leecherGetsSeedersFirstThenLeechers() throws Exception {
        ListStore store = new ListStore();
        store.leechers.add(peer('l', "10.0.0.2"));
        store.seeders.add(peer('s', "10.0.0.1"));
        List<Peer> chosen = new PeerSelector(store).select(HASH, peer('m', "10.0.0.9"), false, 10);
        assertThat(chosen).extracting(p -> (char) p.id().bytes()[0]).containsExactly('s', 'l');
    }

    @Test
    void seederGetsLeechersOnly() throws Exception {
        ListStore store = new ListStore();
        store.seeders.add(peer('s', "10.0.0.1"));
        store.leechers.add(peer('l', "10.0.0.2"));
        assertThat(new PeerSelector(store).select(HASH, peer('m', "10.0.0.9"), true, 10))
                .extracting(p -> (char) p.id().bytes()[0]).containsExactly('l');
    }

    @Test
    void ownFamilyFirstThenTheOther() throws Exception {
        ListStore store = new ListStore();
        store.seeders.add(peer('4', "10.0.0.1"));
        store.seeders.add(peer('6', "2001:db8::1"));
        assertThat(new PeerSelector(store).select(HASH, peer('m', "2001:db8::9"), false, 10))
                .extracting(p -> (char) p.id().bytes()[0]).containsExactly('6', '4');
        assertThat(new PeerSelector(store).select(HASH, peer('m', "10.0.0.9"), false, 10))
                .extracting(p -> (char) p.id().bytes()[0]).containsExactly('4', '6');
    }

    @Test
    void neverReturnsTheAnnouncerAndStopsAtNumWant() throws Exception {
        ListStore store = new ListStore();
        Peer me = peer('m', "10.0.0.9");
        store.seeders.add(me);
        store.seeders.add(peer('a', "10.0.0.1"));
        store.seeders.add(peer('b', "10.0.0.2"));
        store.seeders.add(peer('c', "10.0.0.3"));
        // the announcer's other address (dual stack) is not returned either
        store.seeders.add(peer('m', "2001:db8::9"));
        List<Peer> chosen = new PeerSelector(store).select(HASH, me, false, 2);
        assertThat(chosen).hasSize(2).doesNotContain(me);
        assertThat(new PeerSelector(store).select(HASH, me, false, 50))
                .extracting(p -> (char) p.id().bytes()[0]).containsExactly('a', 'b', 'c');
    }

    @Test
    void numWantZeroAsksTheStoreForNothing() throws Exception {
        ListStore store = new ListStore();
        store.seeders.add(peer('a', "10.0.0.1"));
        assertThat(new PeerSelector(store).select(HASH, peer('m', "10.0.0.9"), false, 0)).isEmpty();
    }
}
