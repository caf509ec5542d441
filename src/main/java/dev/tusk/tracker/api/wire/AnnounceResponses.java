package dev.tusk.tracker.api.wire;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bencoded announce reply: {@code complete}, {@code incomplete}, {@code interval},
 * {@code min interval}, and the peers, compact (BEP 23: 6 bytes an IPv4 peer in {@code peers},
 * BEP 7: 18 bytes an IPv6 peer in {@code peers6}, each left out when empty) or as dictionaries.
 */
public final class AnnounceResponses {
    private AnnounceResponses() {
    }

    public static byte[] encode(long complete, long incomplete, long intervalSeconds, long minIntervalSeconds,
            List<Peer> peers, boolean compact, boolean noPeerId) {
        if (compact) {
            return encodeCompact(complete, incomplete, intervalSeconds, minIntervalSeconds, compact(peers, false), compact(peers, true));
        }
        Map<String, Object> reply = new HashMap<>();
        reply.put("complete", complete);
        reply.put("incomplete", incomplete);
        reply.put("interval", intervalSeconds);
        reply.put("min interval", minIntervalSeconds);
        List<Object> list = new ArrayList<>(peers.size());
        for (Peer p : peers) {
            Map<String, Object> d = new HashMap<>();
            d.put("ip", p.address().getHostAddress());
            d.put("port", p.port());
            if (!noPeerId) {
                d.put("peer id", p.id().bytes());
            }
            list.add(d);
        }
        reply.put("peers", list);
        return Bencode.encode(reply);
    }

    /**
     * The compact reply written straight into one array, its keys in the order bencoding wants
     * (what every BitTorrent client asks for: no map of entries to sort per announce).
     */
    static byte[] encodeCompact(long complete, long incomplete, long intervalSeconds, long minIntervalSeconds,
            byte[] v4, byte[] v6) {
        Writer out = new Writer(96 + v4.length + v6.length);
        out.raw("d8:complete").integer(complete)
                .raw("10:incomplete").integer(incomplete)
                .raw("8:interval").integer(intervalSeconds)
                .raw("12:min interval").integer(minIntervalSeconds);
        if (v4.length > 0) {
            out.raw("5:peers").string(v4);
        }
        if (v6.length > 0) {
            out.raw("6:peers6").string(v6);
        }
        return out.raw("e").toBytes();
    }

    /** An ASCII and byte-string writer over one growing array. */
    private static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        Writer raw(String ascii) {
            ensure(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                buf[size++] = (byte) ascii.charAt(i);
            }
            return this;
        }

        Writer integer(long value) {
            return raw("i").raw(Long.toString(value)).raw("e");
        }

        Writer string(byte[] bytes) {
            raw(Integer.toString(bytes.length)).raw(":");
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
            return this;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toBytes() {
            return size == buf.length ? buf : Arrays.copyOf(buf, size);
        }
    }

    /** The peers of one family, each as its address bytes then its port, big-endian. */
    public static byte[] compact(List<Peer> peers, boolean v6) {
        if (peers instanceof CompactPeers packed) {
            return packed.compact(v6);
        }
        int width = CompactPeers.width(v6);
        byte[] out = new byte[peers.size() * width];
        int at = 0;
        for (Peer p : peers) {
            if (p.isV6() == v6) {
                CompactPeers.write(p, out, at);
                at += width;
            }
        }
        return at == out.length ? out : Arrays.copyOf(out, at);
    }
}
