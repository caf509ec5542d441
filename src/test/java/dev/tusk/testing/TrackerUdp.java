package dev.tusk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A BEP 15 client for tests: a UDP socket on loopback (IPv4 or IPv6) that talks to the test
 * server's UDP tracker, raw packets or whole requests.
 */
public final class TrackerUdp implements AutoCloseable {
    public static final int PORT = 6969;
    /** The test server's {@code tracker.udp.secret} (arquillian.xml). */
    public static final String SECRET = "tusk-test-udp-secret";
    public static final long PROTOCOL_ID = 0x41727101980L;

    private final DatagramSocket socket;
    private final InetSocketAddress tracker;

    private TrackerUdp(String loopback) {
        try {
            InetAddress address = InetAddress.getByName(loopback);
            socket = new DatagramSocket(new InetSocketAddress(address, 0));
            socket.setSoTimeout(2000);
            tracker = new InetSocketAddress(address, PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TrackerUdp v4() {
        return new TrackerUdp("127.0.0.1");
    }

    public static TrackerUdp v6() {
        return new TrackerUdp("::1");
    }

    /** The reply to a packet, or empty when none came within the wait. */
    public Optional<ByteBuffer> exchange(byte[] packet, int waitMillis) {
        try {
            socket.setSoTimeout(waitMillis);
            socket.send(new DatagramPacket(packet, packet.length, tracker));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return Optional.of(ByteBuffer.wrap(buffer, 0, reply.getLength()).slice());
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ByteBuffer exchange(byte[] packet) {
        return exchange(packet, 2000).orElseThrow(() -> new AssertionError("no reply from the UDP tracker"));
    }

    public static byte[] connectPacket(int transactionId) {
        return ByteBuffer.allocate(16).putLong(PROTOCOL_ID).putInt(0).putInt(transactionId).array();
    }

    /** A connection id from the tracker. */
    public long connect() {
        int tx = ThreadLocalRandom.current().nextInt();
        ByteBuffer reply = exchange(connectPacket(tx));
        assertThat(reply.remaining()).isEqualTo(16);
        assertThat(reply.getInt()).isZero();
        assertThat(reply.getInt()).isEqualTo(tx);
        return reply.getLong();
    }

    /** An announce packet (98 bytes) with no BEP 41 options. */
    public static byte[] announcePacket(long connectionId, int transactionId, byte[] infoHash, byte[] peerId, long left,
            int event, int numWant, int port) {
        return ByteBuffer.allocate(98).putLong(connectionId).putInt(1).putInt(transactionId).put(infoHash).put(peerId)
                .putLong(0).putLong(left).putLong(0).putInt(event).putInt(0).putInt(0x1234).putInt(numWant)
                .putShort((short) port).array();
    }

    public static byte[] scrapePacket(long connectionId, int transactionId, byte[]... infoHashes) {
        ByteBuffer p = ByteBuffer.allocate(16 + 20 * infoHashes.length).putLong(connectionId).putInt(2).putInt(transactionId);
        for (byte[] h : infoHashes) {
            p.put(h);
        }
        return p.array();
    }

    /** An announce reply; {@code peers} as "address:port". */
    public record Announced(int interval, int leechers, int seeders, List<String> peers) {
    }

    public record Scraped(int seeders, int completed, int leechers) {
    }

    public Announced announce(long connectionId, byte[] infoHash, byte[] peerId, long left, int event, int port) {
        int tx = ThreadLocalRandom.current().nextInt();
        ByteBuffer r = exchange(announcePacket(connectionId, tx, infoHash, peerId, left, event, -1, port));
        assertThat(r.getInt(0)).as(errorText(r)).isEqualTo(1);
        return announced(r, tx, tracker.getAddress().getAddress().length);
    }

    /** Reads an announce reply whose peers have addresses of {@code addressLength} bytes. */
    public static Announced announced(ByteBuffer r, int transactionId, int addressLength) {
        assertThat(r.getInt()).isEqualTo(1);
        assertThat(r.getInt()).isEqualTo(transactionId);
        int interval = r.getInt();
        int leechers = r.getInt();
        int seeders = r.getInt();
        assertThat(r.remaining() % (addressLength + 2)).as("whole peers of " + (addressLength + 2) + " bytes").isZero();
        List<String> peers = new ArrayList<>();
        while (r.hasRemaining()) {
            byte[] a = new byte[addressLength];
            r.get(a);
            int port = Short.toUnsignedInt(r.getShort());
            try {
                peers.add(InetAddress.getByAddress(a).getHostAddress() + ":" + port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Announced(interval, leechers, seeders, peers);
    }

    public List<Scraped> scrape(long connectionId, byte[]... infoHashes) {
        int tx = ThreadLocalRandom.current().nextInt();
        ByteBuffer r = exchange(scrapePacket(connectionId, tx, infoHashes));
        assertThat(r.getInt(0)).as(errorText(r)).isEqualTo(2);
        assertThat(r.getInt(4)).isEqualTo(tx);
        r.position(8);
        List<Scraped> swarms = new ArrayList<>();
        while (r.remaining() >= 12) {
            swarms.add(new Scraped(r.getInt(), r.getInt(), r.getInt()));
        }
        return swarms;
    }

    /** The message of an error reply (action 3) with the given transaction id. */
    public static String error(ByteBuffer reply, int transactionId) {
        assertThat(reply.getInt(0)).isEqualTo(3);
        assertThat(reply.getInt(4)).isEqualTo(transactionId);
        return errorText(reply);
    }

    private static String errorText(ByteBuffer reply) {
        if (reply.remaining() < 8 || reply.getInt(0) != 3) {
            return "";
        }
        byte[] text = new byte[reply.remaining() - 8];
        reply.get(8, text);
        return new String(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socket.close();
    }
}
