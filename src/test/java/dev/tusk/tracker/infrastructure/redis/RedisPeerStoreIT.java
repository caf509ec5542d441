package dev.tusk.tracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestRedis;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.infrastructure.PeerStoreContract;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;

/**
 * The store contract on a real Redis, inside the running server, and interoperability with
 * MoChi: what plain Redis commands write in MoChi's layout Tusk serves, and what Tusk writes
 * plain commands find in MoChi's bytes.
 */
@ExtendWith(ArquillianExtension.class)
class RedisPeerStoreIT extends PeerStoreContract {

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(RedisPeerStoreIT.class, PeerStoreContract.class);
    }

    @Inject RedisPeerStore peers;
    @Inject RedisDataStore data;

    /** Plain commands, as MoChi or an operator would send them. */
    private static RedisClient plain() {
        return TestRedis.plain();
    }

    private static byte[] raw(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    protected PeerStore store() {
        return peers;
    }

    @Override
    protected StoreMaintenance maintenance() {
        return peers;
    }

    @Override
    protected DataStore data() {
        return data;
    }

    @Override
    protected void lastSeen(InfoHash infoHash, Peer peer, boolean seeder, Instant when) {
        try (RedisClient r = plain()) {
            byte[] nanos = raw(Long.toString(when.getEpochSecond() * 1_000_000_000L + when.getNano()));
            assertThat(r.hset(RedisKeys.swarm(infoHash, seeder, peer.isV6()), RedisKeys.peer(peer), nanos)).isZero();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void tuskServesASwarmWrittenInMochisLayout() throws Exception {
        byte[] hash = randomBytes(20);
        byte[] peerId = randomBytes(20);
        byte[] peerKey = ByteBuffer.allocate(26).put(peerId).putShort((short) 51413).put(new byte[] {10, 9, 8, 7}).array();
        try (RedisClient r = plain()) {
            byte[] swarm = ByteBuffer.allocate(27).put(raw("CHI_S4_")).put(hash).array();
            r.hset(swarm, peerKey, raw(Long.toString(System.currentTimeMillis() * 1_000_000L)));
            r.sadd(raw("CHI_I"), swarm);
            r.hset(raw("CHI_D"), hash, raw("7"));
        }
        InfoHash infoHash = InfoHash.of(hash);
        assertThat(peers.scrapeSwarm(infoHash)).isEqualTo(new SwarmCounts(1, 0, 7));
        assertThat(peers.announcePeers(infoHash, false, 50, false)).containsExactly(
                new Peer(PeerId.of(peerId), InetAddress.getByAddress(new byte[] {10, 9, 8, 7}), 51413));
    }

    @Test
    void whatTuskWritesIsMochisBytes() throws Exception {
        byte[] hash = randomBytes(20);
        byte[] peerId = randomBytes(20);
        Peer peer = new Peer(PeerId.of(peerId), InetAddress.getByName("2001:db8::7"), 6881);
        long before = System.currentTimeMillis() * 1_000_000L;
        peers.putLeecher(InfoHash.of(hash), peer);
        peers.graduateLeecher(InfoHash.of(hash), peer);
        data.put("MW_APPROVAL", Map.of(dev.tusk.tracker.domain.ByteKey.of(hash), raw("ok")));
        try (RedisClient r = plain()) {
            byte[] seeders = ByteBuffer.allocate(27).put(raw("CHI_S6_")).put(hash).array();
            Map<byte[], byte[]> fields = r.hgetAll(seeders);
            assertThat(fields).hasSize(1);
            Map.Entry<byte[], byte[]> e = fields.entrySet().iterator().next();
            byte[] expectedKey = ByteBuffer.allocate(38).put(peerId).putShort((short) 6881)
                    .put(InetAddress.getByName("2001:db8::7").getAddress()).array();
            assertThat(e.getKey()).isEqualTo(expectedKey);
            long nanos = Long.parseLong(new String(e.getValue(), StandardCharsets.US_ASCII));
            assertThat(nanos).isBetween(before, System.currentTimeMillis() * 1_000_000L + 1_000_000_000L);
            assertThat(r.sismember(raw("CHI_I"), seeders)).isTrue();
            assertThat(r.exists(ByteBuffer.allocate(27).put(raw("CHI_L6_")).put(hash).array())).isFalse();
            assertThat(r.hget(raw("CHI_D"), hash)).isEqualTo(raw("1"));
            assertThat(r.hget(raw("CHI_MW_APPROVAL"), hash)).isEqualTo(raw("ok"));
            assertThat(List.of(r.get(raw("CHI_C_S")), r.get(raw("CHI_C_L")))).doesNotContainNull();
        }
    }
}
