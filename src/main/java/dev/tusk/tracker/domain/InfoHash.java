package dev.tusk.tracker.domain;

/**
 * A torrent's info hash: 20 bytes (v1, SHA-1, or a v2 hash truncated as BEP 52 announces it) or
 * 32 bytes (a full v2 SHA-256). Immutable; equal by content.
 */
public final class InfoHash extends RawBytes implements Comparable<InfoHash> {
    public static final int V1_LENGTH = 20;
    public static final int V2_LENGTH = 32;

    private InfoHash(byte[] bytes) {
        super(bytes);
    }

    /** The raw bytes as a client sends them; 20 or 32 of them. */
    public static InfoHash of(byte[] raw) {
        if (raw == null || (raw.length != V1_LENGTH && raw.length != V2_LENGTH)) {
            throw new IllegalArgumentException("an info hash is 20 or 32 bytes");
        }
        return new InfoHash(raw.clone());
    }

    /** Raw bytes, or the same as 40 or 64 hexadecimal characters. */
    public static InfoHash parse(byte[] rawOrHex) {
        if (rawOrHex != null && (rawOrHex.length == 2 * V1_LENGTH || rawOrHex.length == 2 * V2_LENGTH)) {
            String text = new String(rawOrHex, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (Bytes.isHex(text)) {
                return new InfoHash(Bytes.parseHex(text));
            }
        }
        return of(rawOrHex);
    }

    /** 40 or 64 hexadecimal characters. */
    public static InfoHash fromHex(String hex) {
        if (hex == null || (hex.length() != 2 * V1_LENGTH && hex.length() != 2 * V2_LENGTH) || !Bytes.isHex(hex)) {
            throw new IllegalArgumentException("an info hash in hex is 40 or 64 hexadecimal characters");
        }
        return new InfoHash(Bytes.parseHex(hex));
    }

    public int length() {
        return bytes().length;
    }

    public String hex() {
        return toString();
    }

    /** As unsigned bytes (the order the write-behind sorts a batch in). */
    @Override
    public int compareTo(InfoHash other) {
        return compareBytes(other);
    }
}
