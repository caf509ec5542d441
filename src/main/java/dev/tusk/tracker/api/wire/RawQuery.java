package dev.tusk.tracker.api.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query string decoded to raw bytes, never to text: {@code info_hash} and {@code peer_id}
 * are binary and a UTF-8 decoding would corrupt them. '+' is a space, as in form encoding.
 */
public final class RawQuery {
    private final Map<String, List<byte[]>> values;

    private RawQuery(Map<String, List<byte[]>> values) {
        this.values = values;
    }

    /**
     * @param rawQuery the query exactly as received (still percent-encoded); null is empty
     * @throws MalformedQueryException for a '%' not followed by two hexadecimal digits
     */
    public static RawQuery parse(String rawQuery) {
        Map<String, List<byte[]>> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = new String(decode(eq < 0 ? pair : pair.substring(0, eq)), StandardCharsets.ISO_8859_1);
                byte[] value = eq < 0 ? new byte[0] : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
        }
        return new RawQuery(values);
    }

    static byte[] decode(String encoded) {
        byte[] out = new byte[encoded.length()];
        int n = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int hi = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedQueryException("malformed query: bad percent-encoding");
                }
                out[n++] = (byte) ((hi << 4) | lo);
                i += 2;
            } else if (c == '+') {
                out[n++] = ' ';
            } else if (c > 0xff) {
                throw new MalformedQueryException("malformed query: unencoded non-ASCII character");
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** All values of a parameter, in order; empty when absent. */
    public List<byte[]> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The first value of a parameter. */
    public Optional<byte[]> bytes(String name) {
        List<byte[]> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The first value as text (ISO-8859-1, one char a byte). */
    public Optional<String> text(String name) {
        return bytes(name).map(b -> new String(b, StandardCharsets.ISO_8859_1));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
