package dev.tusk.tracker.api;

import dev.tusk.tracker.api.wire.RawQuery;
import dev.tusk.tracker.application.AnnounceRequest;
import dev.tusk.tracker.application.TrackerRefusal;
import dev.tusk.tracker.application.TrackerSettings;
import dev.tusk.tracker.domain.AnnounceEvent;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.IpLiteral;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Turns an announce's query into an {@link AnnounceRequest}, refusing anything malformed with
 * a reason the client can read. {@code numwant} above the maximum is clamped; {@code ip},
 * {@code ipv4} and {@code ipv6} are honoured only when spoofing is allowed.
 */
final class AnnounceParameters {
    private AnnounceParameters() {
    }

    /** How the reply lists peers: compact (BEP 23, what clients ask by default) or as dictionaries, with or without ids. */
    record ReplyForm(boolean compact, boolean noPeerId) {
        static ReplyForm of(RawQuery q) {
            return new ReplyForm(!"0".equals(q.text("compact").orElse("1")), "1".equals(q.text("no_peer_id").orElse("0")));
        }

        /** A reply of dictionaries lists each peer as a whole (its id unless {@code no_peer_id}); a compact one, bytes only. */
        boolean listsPeers() {
            return !compact;
        }
    }

    static AnnounceRequest parse(RawQuery q, InetAddress remote, TrackerSettings settings) {
        InfoHash infoHash = infoHash(q.bytes("info_hash").orElseThrow(() -> refuse("info_hash is required")));
        byte[] rawPeerId = q.bytes("peer_id").orElseThrow(() -> refuse("peer_id is required"));
        if (rawPeerId.length != PeerId.LENGTH) {
            throw refuse("peer_id must be 20 bytes");
        }
        long port = counter(q, "port", true);
        if (port < 1 || port > 65535) {
            throw refuse("port must be 1 to 65535");
        }
        long uploaded = counter(q, "uploaded", true);
        long downloaded = counter(q, "downloaded", true);
        long left = counter(q, "left", true);
        AnnounceEvent event = AnnounceEvent.fromWire(q.text("event").orElse(""))
                .orElseThrow(() -> refuse("unknown event"));
        long numWant = q.has("numwant") && !q.text("numwant").orElse("").isEmpty()
                ? counter(q, "numwant", false) : settings.defaultNumWant();
        int clamped = (int) Math.min(numWant, settings.maxNumWant());
        InetAddress address = settings.allowIpSpoofing() ? spoofed(q).orElse(remote) : remote;
        Peer peer = new Peer(PeerId.of(rawPeerId), address, (int) port);
        return new AnnounceRequest(infoHash, peer, event, uploaded, downloaded, left, clamped, ReplyForm.of(q).listsPeers());
    }

    static InfoHash infoHash(byte[] raw) {
        try {
            return InfoHash.parse(raw);
        } catch (IllegalArgumentException e) {
            throw refuse("info_hash must be 20 or 32 bytes (or 40 or 64 hex characters)");
        }
    }

    /** A non-negative decimal integer. */
    private static long counter(RawQuery q, String name, boolean required) {
        Optional<String> text = q.text(name);
        if (text.isEmpty()) {
            if (required) {
                throw refuse(name + " is required");
            }
            return 0;
        }
        String s = text.get();
        if (s.isEmpty() || s.length() > 19 || !digits(s)) {
            throw refuse(name + " must be a non-negative integer");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            // 19 digits above 2^63 - 1: the client's mistake, not the tracker's
            throw refuse(name + " is out of range: at most " + Long.MAX_VALUE);
        }
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> spoofed(RawQuery q) {
        for (String name : new String[] {"ip", "ipv4", "ipv6"}) {
            Optional<String> value = q.text(name);
            if (value.isPresent()) {
                return Optional.of(IpLiteral.parse(value.get())
                        .orElseThrow(() -> refuse(name + " must be an IP address")));
            }
        }
        return Optional.empty();
    }

    private static TrackerRefusal refuse(String reason) {
        return new TrackerRefusal(reason);
    }
}
