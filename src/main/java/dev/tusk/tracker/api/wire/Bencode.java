package dev.tusk.tracker.api.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Bencoding (BEP 3) of integers, byte strings (byte[] or UTF-8 text), lists and dictionaries.
 * Dictionary keys (String or byte[]) are written in the raw byte order the format requires.
 */
public final class Bencode {
    private Bencode() {
    }

    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, value);
        return out.toByteArray();
    }

    /** {@code d14:failure reason<len>:<reason>e}, what a tracker answers to a request it refuses. */
    public static byte[] failure(String reason) {
        return encode(Map.of("failure reason", reason));
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            ascii(out, "i" + ((Number) value).longValue() + "e");
        } else if (value instanceof byte[] bytes) {
            ascii(out, bytes.length + ":");
            out.writeBytes(bytes);
        } else if (value instanceof String text) {
            write(out, text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(out, item));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            writeDictionary(out, map);
        } else {
            throw new IllegalArgumentException("cannot bencode " + (value == null ? "null" : value.getClass()));
        }
    }

    private static void writeDictionary(ByteArrayOutputStream out, Map<?, ?> map) {
        List<Map.Entry<byte[], Object>> entries = new ArrayList<>(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
            byte[] key = e.getKey() instanceof byte[] raw ? raw : e.getKey().toString().getBytes(StandardCharsets.UTF_8);
            entries.add(Map.entry(key, e.getValue()));
        }
        entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
        out.write('d');
        for (Map.Entry<byte[], Object> e : entries) {
            write(out, e.getKey());
            write(out, e.getValue());
        }
        out.write('e');
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
