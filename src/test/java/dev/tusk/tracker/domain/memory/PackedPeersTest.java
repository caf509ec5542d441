package dev.tusk.tracker.domain.memory;

import static dev.tusk.tracker.domain.memory.MemoryFixtures.peer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A cached swarm's packed entries, lists and samples, against a plain map of the same peers. */
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

    private static CachedSwarm swarm() {
        return new CachedSwarm(InfoHash.of(new byte[20]));
    }

    @Test
    void aSampleIsAWindowFromTheStartThatWrapsAndHoldsTheCompactFormOfItsPeers() {
        CachedSwarm swarm = swarm();
        List<Peer> leechers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leechers.add(peer("10.0.0." + i, i));
            swarm.put(leechers.get(i), false, 0);
        }
        List<Peer> sample = swarm.candidates(true, false, 3, 3);
        assertThat(sample).containsExactly(leechers.get(3), leechers.get(4), leechers.get(0));
        assertThat(((CompactPeers) sample).compact(false)).isEqualTo(compactOf(sample, false));
        assertThat(((CompactPeers) sample).compact(true)).isEmpty();
    }

    @Test
    void theAnnouncersIdIsSkippedInBothFamiliesAndOwnFamilyComesFirst() throws Exception {
        CachedSwarm swarm = swarm();
        Peer me = peer("10.0.1.1", 1);
        Peer meOverV6 = new Peer(me.id(), InetAddress.getByName("2001:db8::1"), 6881);
        Peer seederV4 = peer("10.0.1.2", 2);
        Peer seederV6 = peer("2001:db8::2", 3);
        Peer leecherV4 = peer("10.0.1.4", 4);
        swarm.put(me, false, 0);
        swarm.put(meOverV6, false, 0);
        swarm.put(seederV4, true, 0);
        swarm.put(seederV6, true, 0);
        swarm.put(leecherV4, false, 0);

        SampledPeers chosen = swarm.choose(me, false, 50, 0, true);
        assertThat(chosen).containsExactly(seederV4, leecherV4, seederV6);
        assertThat(chosen.compact(false)).isEqualTo(compactOf(List.of(seederV4, leecherV4), false));
        assertThat(chosen.compact(true)).isEqualTo(compactOf(List.of(seederV6), true));

        assertThat(swarm.choose(me, false, 2, 1, true)).hasSize(2).doesNotContain(me, meOverV6);
        for (int start = 0; start < 5; start++) {
            for (int limit = 1; limit <= 4; limit++) {
                assertThat(swarm.choose(me, false, limit, start, false).compact(false)).as("start %d, limit %d", start, limit)
                        .isEqualTo(swarm.choose(me, false, limit, start, true).compact(false));
            }
        }
        assertThat(swarm.choose(seederV4, true, 50, 0, true)).as("a seeder gets leechers only")
                .containsExactlyInAnyOrder(me, leecherV4, meOverV6);
        SampledPeers compactOnly = swarm.choose(me, false, 50, 0, false);
        assertThat(compactOnly.compact(false)).as("a compact reply has the same peers").isEqualTo(chosen.compact(false));
        assertThat(compactOnly.compact(true)).isEqualTo(chosen.compact(true));
        assertThatThrownBy(() -> compactOnly.get(0)).as("no ids were read").isInstanceOf(IllegalStateException.class);
        Peer stranger = new Peer(PeerId.of(new byte[20]), seederV4.address(), 1);
        assertThat(swarm.choose(stranger, false, 0, 0, true)).isEmpty();
    }

    @Test
    void peersWithTheSameIdOrAddressButAnotherPortAreOtherPeers() throws Exception {
        CachedSwarm swarm = swarm();
        Peer a = peer("10.0.2.1", 1);
        Peer samePlaceOtherPort = new Peer(a.id(), a.address(), a.port() + 1);
        Peer sameIdOtherAddress = new Peer(a.id(), InetAddress.getByName("10.0.2.2"), a.port());
        assertThat(swarm.put(a, false, 1)).isNull();
        assertThat(swarm.put(samePlaceOtherPort, false, 1)).isNull();
        assertThat(swarm.put(sameIdOtherAddress, true, 1)).isNull();
        assertThat(swarm.put(a, true, 2)).as("a's role before").isFalse();
        assertThat(swarm.size()).isEqualTo(3);
        assertThat(swarm.counts().seeders()).isEqualTo(2);
        assertThat(swarm.has(a, true)).isTrue();
        assertThat(swarm.has(samePlaceOtherPort, true)).isFalse();
    }

    /**
     * Thousands of seeded random puts, role changes, merges, removes and garbage collections on
     * one swarm and on a map: the same peers, roles and counts after every step, and every
     * sample's compact form that of its peers.
     */
    @Test
    void randomChangesKeepTheSwarmEqualToAPlainMap() throws Exception {
        Random random = new Random(20261203);
        CachedSwarm swarm = swarm();
        Map<Peer, Boolean> roles = new HashMap<>();
        Map<Peer, Long> seen = new HashMap<>();
        List<Peer> pool = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String address = i % 3 == 0 ? "2001:db8::" + Integer.toHexString(i + 1) : "10.1." + (i / 250) + "." + (i % 250);
            pool.add(new Peer(PeerId.of(MemoryFixtures.peer("10.0.0.1", i % 200).id().bytes()),
                    InetAddress.getByName(address), 1000 + i % 7));
        }
        for (int step = 0; step < 20_000; step++) {
            Peer p = pool.get(random.nextInt(pool.size()));
            long now = step;
            switch (random.nextInt(10)) {
                case 0, 1 -> {
                    assertThat(swarm.remove(p)).isEqualTo(roles.remove(p));
                    seen.remove(p);
                }
                case 2 -> {
                    if (random.nextInt(50) == 0) {
                        long cutoff = now - 200;
                        long stale = seen.values().stream().filter(t -> t <= cutoff).count();
                        assertThat(swarm.removeSeenAtOrBefore(cutoff)).isEqualTo((int) stale);
                        seen.entrySet().removeIf(e -> e.getValue() <= cutoff);
                        roles.keySet().retainAll(seen.keySet());
                    }
                }
                case 3 -> {
                    long at = now - random.nextInt(400);
                    boolean seeder = random.nextBoolean();
                    boolean isNew = !roles.containsKey(p);
                    int added = swarm.merge(p, seeder, at);
                    if (isNew || seen.get(p) < at) {
                        roles.put(p, seeder);
                        seen.merge(p, at, Math::max);
                    }
                    assertThat(added).isEqualTo(isNew ? 1 : 0);
                }
                default -> {
                    boolean seeder = random.nextBoolean();
                    assertThat(swarm.put(p, seeder, now)).isEqualTo(roles.put(p, seeder));
                    seen.merge(p, now, Math::max);
                }
            }
            assertThat(swarm.size()).isEqualTo(roles.size());
            if (step % 500 == 0) {
                assertThat(new HashSet<>(swarm.peerKeys())).isEqualTo(roles.keySet());
                long seeders = roles.values().stream().filter(b -> b).count();
                assertThat(swarm.counts().seeders()).isEqualTo(seeders);
                assertThat(swarm.counts().leechers()).isEqualTo(roles.size() - seeders);
                for (Peer q : roles.keySet()) {
                    assertThat(swarm.has(q, roles.get(q))).isTrue();
                }
                int start = random.nextInt(1000);
                SampledPeers all = swarm.choose(p, false, 1000, start, true);
                SampledPeers compactOnly = swarm.choose(p, false, 1 + random.nextInt(60), start, false);
                SampledPeers same = swarm.choose(p, false, compactOnly.size(), start, true);
                assertThat(compactOnly.compact(false)).as("copied in runs, the same peers as one by one").isEqualTo(same.compact(false));
                assertThat(compactOnly.compact(true)).isEqualTo(same.compact(true));
                Set<Peer> expected = new HashSet<>(roles.keySet());
                expected.removeIf(q -> q.id().equals(p.id()));
                assertThat(new HashSet<>(all)).isEqualTo(expected);
                assertThat(all.compact(false)).isEqualTo(compactOf(all, false));
                assertThat(all.compact(true)).isEqualTo(compactOf(all, true));
            }
        }
    }
}
