package dev.tusk.tracker.api.udp;

import dev.tusk.tracker.api.TrackerReplies;
import dev.tusk.tracker.api.TrackerRequestMetrics.Protocol;
import dev.tusk.tracker.api.wire.AnnounceResponses;
import dev.tusk.tracker.api.udp.UdpPackets.Announce;
import dev.tusk.tracker.api.udp.UdpPackets.BadPacket;
import dev.tusk.tracker.api.udp.UdpPackets.Header;
import dev.tusk.tracker.application.AnnounceRequest;
import dev.tusk.tracker.application.AnnounceResult;
import dev.tusk.tracker.application.AnnounceService;
import dev.tusk.tracker.application.ScrapeService;
import dev.tusk.tracker.application.TrackerRefusal;
import dev.tusk.tracker.application.TrackerSettings;
import dev.tusk.tracker.domain.AnnounceEvent;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A UDP tracker packet's answer (BEP 15): connect, announce and scrape from the same services as
 * HTTP (swarm cache, approval list, numwant limits, metrics with {@code protocol="udp"}), an
 * error packet for every bad request that can be answered. Announces and scrapes need a valid
 * connection id; a packet without one is never answered with more bytes than it had, so the
 * tracker cannot be used to amplify a spoofed flood.
 */
@ApplicationScoped
public class UdpAnswers {
    /** The largest reply: one unfragmented datagram on an Ethernet path, over IPv4 or IPv6. */
    public static final int MAX_REPLY = 1452;
    static final String BAD_CONNECTION_ID = "bad or expired connection id";
    private static final int ANNOUNCE_REPLY_HEADER = 20;

    @Inject AnnounceService announces;
    @Inject ScrapeService scrapes;
    @Inject TrackerSettings settings;
    @Inject TrackerReplies replies;
    @Inject UdpSettings udp;

    private ConnectionIds ids;

    @PostConstruct
    void init() {
        ids = new ConnectionIds(udp.secret(), Clock.systemUTC());
    }

    /**
     * Writes the answer to a packet into {@code out} (from its position on, at most
     * {@link #MAX_REPLY} bytes).
     *
     * @return false when the packet gets no answer
     */
    public boolean answer(ByteBuffer packet, InetAddress from, ByteBuffer out) {
        Optional<Header> parsed = UdpPackets.header(packet);
        if (parsed.isEmpty()) {
            return false;
        }
        Header header = parsed.get();
        int length = packet.remaining();
        InetAddress client = Peer.canonical(from);
        boolean connected = header.action() != UdpPackets.CONNECT && ids.isValid(header.connectionId(), client);
        int start = out.position();
        replies.answer(Protocol.UDP, actionName(header.action()), () -> {
            out.position(start);
            respond(header, packet, client, connected, out);
            return Boolean.TRUE;
        }, reason -> {
            out.position(start);
            UdpPackets.error(out, header.transactionId(), reason);
            return Boolean.TRUE;
        });
        return connected || out.position() - start <= length;
    }

    private static String actionName(int action) {
        return switch (action) {
            case UdpPackets.CONNECT -> "connect";
            case UdpPackets.ANNOUNCE -> "announce";
            case UdpPackets.SCRAPE -> "scrape";
            default -> "unknown";
        };
    }

    private void respond(Header header, ByteBuffer packet, InetAddress client, boolean connected, ByteBuffer out) {
        try {
            switch (header.action()) {
                case UdpPackets.CONNECT -> {
                    if (header.connectionId() != UdpPackets.PROTOCOL_ID) {
                        throw new TrackerRefusal("not a BEP 15 connect: wrong protocol id");
                    }
                    UdpPackets.connected(out, header.transactionId(), ids.issue(client));
                }
                case UdpPackets.ANNOUNCE -> announce(header, requireConnected(packet, connected), client, out);
                case UdpPackets.SCRAPE -> scrape(header, UdpPackets.scrape(requireConnected(packet, connected)), out);
                default -> throw new TrackerRefusal("unknown action " + header.action());
            }
        } catch (BadPacket e) {
            throw new TrackerRefusal(e.getMessage());
        }
    }

    private static ByteBuffer requireConnected(ByteBuffer packet, boolean connected) {
        if (!connected) {
            throw new TrackerRefusal(BAD_CONNECTION_ID);
        }
        return packet;
    }

    private void announce(Header header, ByteBuffer packet, InetAddress client, ByteBuffer out) {
        Announce a = UdpPackets.announce(packet);
        if (a.port() == 0) {
            throw new TrackerRefusal("port must be 1 to 65535");
        }
        if (a.left() < 0 || a.downloaded() < 0 || a.uploaded() < 0) {
            throw new TrackerRefusal("downloaded, left and uploaded must not be negative");
        }
        InetAddress address = settings.allowIpSpoofing() && a.ipv4() != 0 ? ipv4(a.ipv4()) : client;
        boolean v6 = address instanceof Inet6Address;
        int numWant = a.numWant() < 0 ? settings.defaultNumWant() : Math.min(a.numWant(), settings.maxNumWant());
        int fits = (MAX_REPLY - ANNOUNCE_REPLY_HEADER) / (v6 ? 18 : 6);
        Peer peer = new Peer(PeerId.of(a.peerId()), address, a.port());
        AnnounceResult result = announces.announce(new AnnounceRequest(InfoHash.of(a.infoHash()), peer, event(a.event()),
                a.uploaded(), a.downloaded(), a.left(), Math.min(numWant, fits), false));
        UdpPackets.announced(out, header.transactionId(), result.interval().toSeconds(), result.swarm().leechers(),
                result.swarm().seeders());
        out.put(AnnounceResponses.compact(result.peers(), v6));
    }

    private static AnnounceEvent event(int wire) {
        return switch (wire) {
            case 0 -> AnnounceEvent.NONE;
            case 1 -> AnnounceEvent.COMPLETED;
            case 2 -> AnnounceEvent.STARTED;
            case 3 -> AnnounceEvent.STOPPED;
            default -> throw new TrackerRefusal("unknown event " + wire + ": 0 none, 1 completed, 2 started, 3 stopped");
        };
    }

    private static InetAddress ipv4(int address) {
        try {
            return Inet4Address.getByAddress(ByteBuffer.allocate(4).putInt(address).array());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private void scrape(Header header, List<byte[]> raw, ByteBuffer out) {
        List<InfoHash> hashes = raw.stream().map(InfoHash::of).toList();
        Map<InfoHash, SwarmCounts> counts = scrapes.scrape(hashes);
        UdpPackets.scraped(out, header.transactionId());
        for (InfoHash h : hashes) {
            SwarmCounts c = counts.getOrDefault(h, SwarmCounts.EMPTY);
            UdpPackets.swarm(out, c.seeders(), c.downloads(), c.leechers());
        }
    }
}
