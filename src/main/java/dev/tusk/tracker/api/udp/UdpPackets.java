package dev.tusk.tracker.api.udp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BEP 15's packets. Every request starts with a connection id (8 bytes; a connect carries the
 * protocol's magic number there), an action (4) and a transaction id (4); a packet shorter than
 * that gets no answer. Announces may carry BEP 41 options after their 98 bytes, parsed and
 * ignored. Replies are written into a caller's buffer, big-endian as the protocol wants.
 */
public final class UdpPackets {
    /** The connect request's magic number in place of a connection id. */
    public static final long PROTOCOL_ID = 0x41727101980L;
    public static final int CONNECT = 0;
    public static final int ANNOUNCE = 1;
    public static final int SCRAPE = 2;
    public static final int ERROR = 3;
    /** Connection id, action and transaction id: the shortest packet that can be answered. */
    public static final int HEADER_LENGTH = 16;
    public static final int ANNOUNCE_LENGTH = 98;
    public static final int HASH_LENGTH = 20;
    /** The most info hashes one scrape packet may carry (BEP 15). */
    public static final int MAX_SCRAPE_HASHES = 74;
    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_URL_DATA = 2;

    private UdpPackets() {
    }

    /** What every request starts with. */
    public record Header(long connectionId, int action, int transactionId) {
    }

    /**
     * An announce request as sent (BEP 15); {@code urlData} is BEP 41's path and query, empty
     * when the client sent none.
     */
    public record Announce(byte[] infoHash, byte[] peerId, long downloaded, long left, long uploaded, int event,
            int ipv4, int key, int numWant, int port, String urlData) {
    }

    /** A request the tracker answers with an error packet. */
    public static final class BadPacket extends RuntimeException {
        public BadPacket(String message) {
            super(message, null, false, false);
        }
    }

    /** The header, or empty when the packet is too short to carry a transaction id. */
    public static Optional<Header> header(ByteBuffer packet) {
        if (packet.remaining() < HEADER_LENGTH) {
            return Optional.empty();
        }
        int at = packet.position();
        return Optional.of(new Header(packet.getLong(at), packet.getInt(at + 8), packet.getInt(at + 12)));
    }

    /** @throws BadPacket when the packet is shorter than an announce */
    public static Announce announce(ByteBuffer packet) {
        if (packet.remaining() < ANNOUNCE_LENGTH) {
            throw new BadPacket("an announce is at least " + ANNOUNCE_LENGTH + " bytes, this one " + packet.remaining());
        }
        ByteBuffer p = packet.duplicate();
        p.position(p.position() + HEADER_LENGTH);
        byte[] infoHash = new byte[HASH_LENGTH];
        byte[] peerId = new byte[HASH_LENGTH];
        p.get(infoHash).get(peerId);
        long downloaded = p.getLong();
        long left = p.getLong();
        long uploaded = p.getLong();
        int event = p.getInt();
        int ip = p.getInt();
        int key = p.getInt();
        int numWant = p.getInt();
        int port = Short.toUnsignedInt(p.getShort());
        return new Announce(infoHash, peerId, downloaded, left, uploaded, event, ip, key, numWant, port, urlData(p));
    }

    /**
     * BEP 41's options after an announce: end, no-op, or URL data (a length byte then as many
     * bytes, concatenated across options). An unknown option or one cut short ends the list.
     */
    static String urlData(ByteBuffer options) {
        StringBuilder url = new StringBuilder();
        while (options.hasRemaining()) {
            int type = Byte.toUnsignedInt(options.get());
            if (type == OPTION_END) {
                break;
            }
            if (type == OPTION_NOP) {
                continue;
            }
            if (type != OPTION_URL_DATA || !options.hasRemaining()) {
                break;
            }
            int length = Byte.toUnsignedInt(options.get());
            if (length > options.remaining()) {
                break;
            }
            byte[] data = new byte[length];
            options.get(data);
            url.append(new String(data, StandardCharsets.ISO_8859_1));
        }
        return url.toString();
    }

    /** @throws BadPacket when the packet carries no whole info hash or more than BEP 15 allows */
    public static List<byte[]> scrape(ByteBuffer packet) {
        int count = (packet.remaining() - HEADER_LENGTH) / HASH_LENGTH;
        if (count < 1) {
            throw new BadPacket("a scrape carries at least one info hash of 20 bytes");
        }
        if (count > MAX_SCRAPE_HASHES) {
            throw new BadPacket("a scrape carries at most " + MAX_SCRAPE_HASHES + " info hashes");
        }
        List<byte[]> hashes = new ArrayList<>(count);
        int at = packet.position() + HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[HASH_LENGTH];
            packet.get(at + i * HASH_LENGTH, h);
            hashes.add(h);
        }
        return hashes;
    }

    public static void connected(ByteBuffer out, int transactionId, long connectionId) {
        out.putInt(CONNECT).putInt(transactionId).putLong(connectionId);
    }

    /** The announce reply's fixed part; the peers follow in compact form (6 or 18 bytes each). */
    public static void announced(ByteBuffer out, int transactionId, long intervalSeconds, long leechers, long seeders) {
        out.putInt(ANNOUNCE).putInt(transactionId).putInt(clamp(intervalSeconds)).putInt(clamp(leechers))
                .putInt(clamp(seeders));
    }

    public static void scraped(ByteBuffer out, int transactionId) {
        out.putInt(SCRAPE).putInt(transactionId);
    }

    /** One swarm of a scrape reply, in the order the request named them. */
    public static void swarm(ByteBuffer out, long seeders, long downloads, long leechers) {
        out.putInt(clamp(seeders)).putInt(clamp(downloads)).putInt(clamp(leechers));
    }

    /** An error reply: the message as text, cut to what the buffer holds. */
    public static void error(ByteBuffer out, int transactionId, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        out.putInt(ERROR).putInt(transactionId);
        out.put(text, 0, Math.min(text.length, out.remaining()));
    }

    /** Counts are unsigned 32-bit on the wire; larger ones are shown as the largest. */
    private static int clamp(long value) {
        return (int) Math.min(Math.max(value, 0), Integer.MAX_VALUE);
    }
}
