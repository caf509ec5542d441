package dev.tusk.tracker.api.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnnounceResponsesTest {

    private static Peer peer(String address, int port, char id) throws Exception {
        byte[] raw = new byte[20];
        Arrays.fill(raw, (byte) id);
        return new Peer(PeerId.of(raw), InetAddress.getByName(address), port);
    }

    @Test
    void compactIPv4IsAddressThenBigEndianPort() throws Exception {
        byte[] v4 = AnnounceResponses.compact(List.of(peer("10.1.2.3", 6881, 'a'), peer("::1", 80, 'b')), false);
        assertThat(v4).containsExactly(10, 1, 2, 3, 0x1a, (byte) 0xe1);
    }

    @Test
    void compactIPv6HasEighteenBytesAPeer() throws Exception {
        byte[] v6 = AnnounceResponses.compact(List.of(peer("2001:db8::1", 443, 'a'), peer("1.2.3.4", 1, 'b')), true);
        assertThat(v6).hasSize(18);
        assertThat(Arrays.copyOfRange(v6, 0, 16)).containsExactly(InetAddress.getByName("2001:db8::1").getAddress());
        assertThat(Arrays.copyOfRange(v6, 16, 18)).containsExactly(0x01, (byte) 0xbb);
    }

    @Test
    void compactReplyLeavesOutEmptyFamilies() throws Exception {
        String reply = new String(AnnounceResponses.encode(3, 4, 1800, 900, List.of(peer("1.2.3.4", 1, 'a')), true, false),
                StandardCharsets.ISO_8859_1);
        assertThat(reply).startsWith("d8:completei3e10:incompletei4e8:intervali1800e12:min intervali900e5:peers6:");
        assertThat(reply).doesNotContain("6:peers6");
    }

    @Test
    void dictionaryPeersCarryIpPortAndPeerIdUnlessAskedNot() throws Exception {
        List<Peer> peers = List.of(peer("1.2.3.4", 6881, 'x'));
        String full = new String(AnnounceResponses.encode(1, 0, 60, 30, peers, false, false), StandardCharsets.ISO_8859_1);
        assertThat(full).contains("5:peersld2:ip7:1.2.3.47:peer id20:xxxxxxxxxxxxxxxxxxxx4:porti6881eee");
        String noId = new String(AnnounceResponses.encode(1, 0, 60, 30, peers, false, true), StandardCharsets.ISO_8859_1);
        assertThat(noId).contains("5:peersld2:ip7:1.2.3.44:porti6881eee").doesNotContain("peer id");
    }

    @Test
    void theCompactReplyIsWhatTheGenericEncoderWrites() {
        Random random = new Random(20261203);
        for (int i = 0; i < 200; i++) {
            long complete = random.nextInt(100_000);
            long incomplete = random.nextInt(3) == 0 ? 0 : Math.abs(random.nextLong());
            byte[] v4 = new byte[6 * random.nextInt(60)];
            byte[] v6 = new byte[18 * random.nextInt(3)];
            random.nextBytes(v4);
            random.nextBytes(v6);
            Map<String, Object> reply = new HashMap<>(Map.of("complete", complete,
                    "incomplete", incomplete, "interval", 1800L, "min interval", 900L));
            if (v4.length > 0) {
                reply.put("peers", v4);
            }
            if (v6.length > 0) {
                reply.put("peers6", v6);
            }
            assertThat(AnnounceResponses.encodeCompact(complete, incomplete, 1800, 900, v4, v6)).isEqualTo(Bencode.encode(reply));
        }
    }
}
