package dev.tusk.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict bencode decoder for tests: integers as Long, strings as byte[], dictionaries as
 * maps keyed by ISO-8859-1 strings (so raw 20-byte keys survive). Fails on unsorted keys.
 */
public final class Bdecoder {
    private final byte[] data;
    private int at;

    private Bdecoder(byte[] data) {
        this.data = data;
    }

    public static Object decode(byte[] data) {
        Bdecoder d = new Bdecoder(data);
        Object value = d.next();
        if (d.at != data.length) {
            throw new IllegalArgumentException("trailing bytes after bencoded value");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> dict(byte[] data) {
        return (Map<String, Object>) decode(data);
    }

    public static String string(Object value) {
        return new String((byte[]) value, StandardCharsets.UTF_8);
    }

    private Object next() {
        byte c = data[at];
        if (c == 'i') {
            int end = indexOf('e', at);
            long v = Long.parseLong(new String(data, at + 1, end - at - 1, StandardCharsets.US_ASCII));
            at = end + 1;
            return v;
        }
        if (c == 'l') {
            at++;
            List<Object> list = new ArrayList<>();
            while (data[at] != 'e') {
                list.add(next());
            }
            at++;
            return list;
        }
        if (c == 'd') {
            at++;
            Map<String, Object> map = new LinkedHashMap<>();
            String previous = null;
            while (data[at] != 'e') {
                String key = new String((byte[]) next(), StandardCharsets.ISO_8859_1);
                if (previous != null && previous.compareTo(key) >= 0) {
                    throw new IllegalArgumentException("dictionary keys not sorted: " + previous + " before " + key);
                }
                previous = key;
                map.put(key, next());
            }
            at++;
            return map;
        }
        int colon = indexOf(':', at);
        int len = Integer.parseInt(new String(data, at, colon - at, StandardCharsets.US_ASCII));
        byte[] s = java.util.Arrays.copyOfRange(data, colon + 1, colon + 1 + len);
        at = colon + 1 + len;
        return s;
    }

    private int indexOf(char ch, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == ch) {
                return i;
            }
        }
        throw new IllegalArgumentException("truncated bencode");
    }
}
