package dev.tusk.tracker.api.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.tracker.api.udp.UdpPackets.Announce;
import dev.tusk.tracker.api.udp.UdpPackets.BadPacket;
import dev.tusk.tracker.api.udp.UdpPackets.Header;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpPacketsTest {
    private static final byte[] HASH = filled(20, 0x11);
    private static final byte[] PEER_ID = filled(20, 0x22);

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static ByteBuffer announcePacket(byte... options) {
        ByteBuffer p = ByteBuffer.allocate(UdpPackets.ANNOUNCE_LENGTH + options.length);
        p.putLong(0x0102030405060708L).putInt(UdpPackets.ANNOUNCE).putInt(0x7f000001)
                .put(HASH).put(PEER_ID).putLong(1_000L).putLong(2_000L).putLong(3_000L)
                .putInt(2).putInt(0x0a000001).putInt(0xcafe).putInt(-1).putShort((short) 51413).put(options);
        return p.flip();
    }

    @Test
    void aPacketShorterThanAHeaderHasNoHeader() {
        assertThat(UdpPackets.header(ByteBuffer.allocate(15))).isEmpty();
        assertThat(UdpPackets.header(ByteBuffer.allocate(0))).isEmpty();
    }

    @Test
    void theHeaderIsTheConnectionIdTheActionAndTheTransactionId() {
        ByteBuffer p = ByteBuffer.allocate(16).putLong(UdpPackets.PROTOCOL_ID).putInt(0).putInt(-5).flip();
        assertThat(UdpPackets.header(p)).contains(new Header(UdpPackets.PROTOCOL_ID, UdpPackets.CONNECT, -5));
        assertThat(p.position()).as("reading the header leaves the packet as it was").isZero();
    }

    @Test
    void anAnnounceIsReadFieldByField() {
        Announce a = UdpPackets.announce(announcePacket());
        assertThat(a.infoHash()).isEqualTo(HASH);
        assertThat(a.peerId()).isEqualTo(PEER_ID);
        assertThat(a.downloaded()).isEqualTo(1_000L);
        assertThat(a.left()).isEqualTo(2_000L);
        assertThat(a.uploaded()).isEqualTo(3_000L);
        assertThat(a.event()).isEqualTo(2);
        assertThat(a.ipv4()).isEqualTo(0x0a000001);
        assertThat(a.key()).isEqualTo(0xcafe);
        assertThat(a.numWant()).isEqualTo(-1);
        assertThat(a.port()).as("the port is unsigned").isEqualTo(51413);
        assertThat(a.urlData()).isEmpty();
    }

    @Test
    void anAnnounceShorterThan98BytesIsBad() {
        ByteBuffer p = announcePacket();
        p.limit(97);
        assertThatThrownBy(() -> UdpPackets.announce(p)).isInstanceOf(BadPacket.class).hasMessageContaining("98 bytes");
    }

    @Test
    void bep41UrlDataIsJoinedAcrossOptionsAndNopsAreSkipped() {
        byte[] first = "/announce".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "?passkey=x".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer options = ByteBuffer.allocate(64).put((byte) 1).put((byte) 2).put((byte) first.length).put(first)
                .put((byte) 1).put((byte) 2).put((byte) second.length).put(second).put((byte) 0).put((byte) 2);
        byte[] bytes = Arrays.copyOf(options.array(), options.position());
        assertThat(UdpPackets.announce(announcePacket(bytes)).urlData()).isEqualTo("/announce?passkey=x");
    }

    @Test
    void optionsCutShortOrUnknownEndTheListWithoutFailing() {
        assertThat(UdpPackets.announce(announcePacket((byte) 2, (byte) 10, (byte) 'a')).urlData()).isEmpty();
        assertThat(UdpPackets.announce(announcePacket((byte) 2)).urlData()).isEmpty();
        assertThat(UdpPackets.announce(announcePacket((byte) 2, (byte) 1, (byte) 'a', (byte) 9, (byte) 2, (byte) 1,
                (byte) 'b')).urlData()).isEqualTo("a");
    }

    @Test
    void aScrapeCarriesOneTo74WholeHashesAndIgnoresATrailingPart() {
        ByteBuffer two = ByteBuffer.allocate(16 + 40 + 7).putLong(1).putInt(UdpPackets.SCRAPE).putInt(1)
                .put(HASH).put(PEER_ID).flip();
        two.limit(two.capacity());
        List<byte[]> hashes = UdpPackets.scrape(two);
        assertThat(hashes).hasSize(2);
        assertThat(hashes.get(0)).isEqualTo(HASH);
        assertThat(hashes.get(1)).isEqualTo(PEER_ID);

        assertThatThrownBy(() -> UdpPackets.scrape(ByteBuffer.allocate(16 + 19)))
                .isInstanceOf(BadPacket.class).hasMessageContaining("at least one");
        assertThat(UdpPackets.scrape(ByteBuffer.allocate(16 + 74 * 20))).hasSize(74);
        assertThatThrownBy(() -> UdpPackets.scrape(ByteBuffer.allocate(16 + 75 * 20)))
                .isInstanceOf(BadPacket.class).hasMessageContaining("at most 74");
    }

    @Test
    void repliesAreWrittenBigEndianAsBep15Says() {
        ByteBuffer out = ByteBuffer.allocate(64);
        UdpPackets.connected(out, 7, 0x1122334455667788L);
        assertThat(out.flip().getInt()).isEqualTo(UdpPackets.CONNECT);
        assertThat(out.getInt()).isEqualTo(7);
        assertThat(out.getLong()).isEqualTo(0x1122334455667788L);
        assertThat(out.hasRemaining()).isFalse();

        out.clear();
        UdpPackets.announced(out, 8, 1800, 3, 4);
        out.put(new byte[] {10, 0, 0, 1, 0x1a, (byte) 0xe1});
        out.flip();
        assertThat(new int[] {out.getInt(), out.getInt(), out.getInt(), out.getInt(), out.getInt()})
                .containsExactly(UdpPackets.ANNOUNCE, 8, 1800, 3, 4);
        assertThat(new byte[] {out.get(), out.get(), out.get(), out.get()}).containsExactly(10, 0, 0, 1);
        assertThat(Short.toUnsignedInt(out.getShort())).isEqualTo(6881);
        assertThat(out.hasRemaining()).isFalse();

        out.clear();
        UdpPackets.scraped(out, 9);
        UdpPackets.swarm(out, 5, 6, 7);
        UdpPackets.swarm(out, 1L << 40, -1, 0);
        out.flip();
        assertThat(new int[] {out.getInt(), out.getInt(), out.getInt(), out.getInt(), out.getInt(), out.getInt(),
                out.getInt(), out.getInt()}).containsExactly(UdpPackets.SCRAPE, 9, 5, 6, 7, Integer.MAX_VALUE, 0, 0);
    }

    @Test
    void anErrorIsTheMessageAsTextCutToTheBuffer() {
        ByteBuffer out = ByteBuffer.allocate(64);
        UdpPackets.error(out, 10, "unknown action 9");
        out.flip();
        assertThat(out.getInt()).isEqualTo(UdpPackets.ERROR);
        assertThat(out.getInt()).isEqualTo(10);
        byte[] text = new byte[out.remaining()];
        out.get(text);
        assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo("unknown action 9");

        ByteBuffer small = ByteBuffer.allocate(12);
        UdpPackets.error(small, 1, "a long message");
        assertThat(small.position()).isEqualTo(12);
    }
}
