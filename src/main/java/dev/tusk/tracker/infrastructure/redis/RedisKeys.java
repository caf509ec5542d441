package dev.tusk.tracker.infrastructure.redis;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MoChi's Redis key layout: swarm hashes {@code CHI_S4_}, {@code CHI_L4_}, {@code CHI_S6_},
 * {@code CHI_L6_} followed by the raw info hash, whose fields are peer keys (peer id, port
 * big-endian, address bytes) and values unix nanoseconds as decimal text; the set
 * {@code CHI_I} of swarm keys; the counters {@code CHI_C_S} and {@code CHI_C_L}; the downloads
 * hash {@code CHI_D}; data contexts in hashes {@code CHI_<context>}.
 */
final class RedisKeys {
    static final byte[] SWARMS = ascii("CHI_I");
    static final byte[] SEEDER_COUNT = ascii("CHI_C_S");
    static final byte[] LEECHER_COUNT = ascii("CHI_C_L");
    static final byte[] DOWNLOADS = ascii("CHI_D");
    private static final int PREFIX_LENGTH = "CHI_S4_".length();

    private RedisKeys() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] swarm(InfoHash infoHash, boolean seeders, boolean v6) {
        return concat(ascii("CHI_" + (seeders ? 'S' : 'L') + (v6 ? '6' : '4') + '_'), infoHash.bytes());
    }

    /** The info hash of a swarm key, or null for a key that is not one. */
    static InfoHash infoHashOf(byte[] swarmKey) {
        if (swarmKey.length <= PREFIX_LENGTH || swarmKey[0] != 'C' || swarmKey[4] != 'S' && swarmKey[4] != 'L') {
            return null;
        }
        try {
            return InfoHash.of(Arrays.copyOfRange(swarmKey, PREFIX_LENGTH, swarmKey.length));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A last-seen time as MoChi stores it: unix nanoseconds, in decimal. */
    static byte[] nanos(java.time.Instant t) {
        return ascii(Long.toString(t.getEpochSecond() * 1_000_000_000L + t.getNano()));
    }

    static java.time.Instant instantOf(byte[] nanos) {
        return java.time.Instant.ofEpochSecond(0, Long.parseLong(new String(nanos, StandardCharsets.US_ASCII)));
    }

    static byte[] data(String context) {
        return ascii("CHI_" + context);
    }

    static byte[] peer(Peer peer) {
        byte[] address = peer.addressBytes();
        return ByteBuffer.allocate(PeerId.LENGTH + 2 + address.length)
                .put(peer.id().bytes()).putShort((short) peer.port()).put(address).array();
    }

    static Peer peerOf(byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key);
        byte[] id = new byte[PeerId.LENGTH];
        b.get(id);
        int port = Short.toUnsignedInt(b.getShort());
        byte[] address = new byte[b.remaining()];
        b.get(address);
        try {
            return new Peer(PeerId.of(id), InetAddress.getByAddress(address), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a peer key: address of " + address.length + " bytes", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
