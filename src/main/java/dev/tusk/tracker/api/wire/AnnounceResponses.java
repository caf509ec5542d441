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
        Map<String, Object> reply = new HashMap<>();
        reply.put("complete", complete);
        reply.put("incomplete", incomplete);
        reply.put("interval", intervalSeconds);
        reply.put("min interval", minIntervalSeconds);
        if (compact) {
            byte[] v4 = compact(peers, false);
            byte[] v6 = compact(peers, true);
            if (v4.length > 0) {
                reply.put("peers", v4);
            }
            if (v6.length > 0) {
                reply.put("peers6", v6);
            }
        } else {
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
        }
        return Bencode.encode(reply);
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
