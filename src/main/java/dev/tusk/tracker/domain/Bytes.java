package dev.tusk.tracker.domain;

import java.util.HexFormat;

/** Small helpers for the raw byte identifiers of the BitTorrent protocol. */
final class Bytes {
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] parseHex(String text) {
        return HEX.parseHex(text);
    }
}
