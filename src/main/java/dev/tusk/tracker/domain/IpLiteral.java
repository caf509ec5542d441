package dev.tusk.tracker.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** IPv4 and IPv6 literals, parsed without ever asking DNS (Java 17 has no InetAddress.ofLiteral). */
public final class IpLiteral {
    private IpLiteral() {
    }

    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            if (text.indexOf(':') >= 0) {
                // With a colon, the JDK parses an IPv6 literal or refuses it; it never resolves.
                return Optional.of(InetAddress.getByName(text));
            }
            byte[] v4 = parseV4(text);
            return v4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }
}
