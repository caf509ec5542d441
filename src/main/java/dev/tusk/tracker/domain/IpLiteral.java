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

    /** Four decimal parts of 0 to 255, nothing else; a hand-written loop, as this runs per peer. */
    private static byte[] parseV4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 3) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }
}
