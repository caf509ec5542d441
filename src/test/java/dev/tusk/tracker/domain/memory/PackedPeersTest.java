package dev.tusk.tracker.domain.memory;

import static dev.tusk.tracker.domain.memory.MemoryFixtures.peer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packed peer lists of a cached swarm and the samples taken from them. */
class PackedPeersTest {

    /** The peers of one family encoded one by one. */
    private static byte[] compactOf(List<Peer> peers, boolean v6) {
        List<Peer> family = peers.stream().filter(p -> p.isV6() == v6).toList();
        byte[] out = new byte[family.size() * CompactPeers.width(v6)];
        for (int i = 0; i < family.size(); i++) {
            CompactPeers.write(family.get(i), out, i * CompactPeers.width(v6));
        }
        return out;
    }

    @Test
    void aSampleIsAWindowFromTheStartThatWrapsAndHoldsTheCompactFormOfItsPeers() {
        PeerList list = new PeerList(false);
        List<CachedPeer> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CachedPeer e = new CachedPeer(peer("10.0.0." + i, i), false, 0);
            entries.add(e);
            list.add(e);
        }
        SampledPeers sample = new SampledPeers(3);
        list.sample(3, 3, null, sample);
        List<Peer> expected = List.of(entries.get(3).peer, entries.get(4).peer, entries.get(0).peer);
        assertThat(sample).containsExactlyElementsOf(expected);
        assertThat(sample.compact(false)).isEqualTo(compactOf(expected, false));
        assertThat(sample.compact(true)).isEmpty();
    }

    @Test
    void removingMovesTheLastEntryWithItsBytesIntoTheHole() {
        PeerList list = new PeerList(true);
        List<CachedPeer> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            CachedPeer e = new CachedPeer(peer("2001:db8::" + Integer.toHexString(i + 1), i), true, 0);
            entries.add(e);
            list.add(e);
        }
        for (int i = 0; i < 40; i += 2) {
            list.remove(entries.get(i));
            assertThat(entries.get(i).index).isEqualTo(-1);
        }
        assertThat(list.size()).isEqualTo(20);
        SampledPeers all = new SampledPeers(20);
        list.sample(20, 0, null, all);
        List<Peer> odd = new ArrayList<>();
        for (int i = 1; i < 40; i += 2) {
            odd.add(entries.get(i).peer);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(odd);
        assertThat(all.compact(true)).as("each peer's bytes moved with it").isEqualTo(compactOf(all, true));
        for (int i = 0; i < all.size(); i++) {
            assertThat(findEntry(entries, all.get(i)).index).as("a sample from 0 is the list's order").isEqualTo(i);
        }
    }

    private static CachedPeer findEntry(List<CachedPeer> entries, Peer peer) {
        return entries.stream().filter(e -> e.peer.equals(peer)).findFirst().orElseThrow();
    }

    @Test
    void theAnnouncersIdIsSkippedInBothFamiliesAndOwnFamilyComesFirst() {
        CachedSwarm swarm = new CachedSwarm(InfoHash.of(new byte[20]));
        Peer me = peer("10.0.1.1", 1);
        Peer meOverV6 = new Peer(me.id(), peer("2001:db8::1", 1).address(), 6881);
        Peer seederV4 = peer("10.0.1.2", 2);
        Peer seederV6 = peer("2001:db8::2", 3);
        Peer leecherV4 = peer("10.0.1.4", 4);
        swarm.put(me, false, 0);
        swarm.put(meOverV6, false, 0);
        swarm.put(seederV4, true, 0);
        swarm.put(seederV6, true, 0);
        swarm.put(leecherV4, false, 0);

        SampledPeers chosen = swarm.choose(me, false, 50, 0);
        assertThat(chosen).containsExactly(seederV4, leecherV4, seederV6);
        assertThat(chosen.compact(false)).isEqualTo(compactOf(List.of(seederV4, leecherV4), false));
        assertThat(chosen.compact(true)).isEqualTo(compactOf(List.of(seederV6), true));

        assertThat(swarm.choose(me, false, 2, 1)).hasSize(2).doesNotContain(me, meOverV6);
        assertThat(swarm.choose(seederV4, true, 50, 0)).as("a seeder gets leechers only")
                .containsExactlyInAnyOrder(me, leecherV4, meOverV6);
        Peer stranger = new Peer(PeerId.of(new byte[20]), seederV4.address(), 1);
        assertThat(swarm.choose(stranger, false, 0, 0)).isEmpty();
    }
}
