package dev.tusk.media.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The image formats Tusk accepts (those the JDK decodes and encodes), each with the byte it has
 * in a content hash, its file extension and media type, and the magic number that starts it.
 */
public enum ImageFormat {
    PNG(1, "png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG(2, "jpeg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    GIF(3, "gif", "image/gif", new byte[] {'G', 'I', 'F', '8'}),
    BMP(4, "bmp", "image/bmp", new byte[] {'B', 'M'});

    private final int code;
    private final String extension;
    private final String mediaType;
    private final byte[] magic;

    ImageFormat(int code, String extension, String mediaType, byte[] magic) {
        this.code = code;
        this.extension = extension;
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public int code() {
        return code;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format whose magic number starts {@code head}, if any. */
    public static Optional<ImageFormat> sniff(byte[] head) {
        return Arrays.stream(values()).filter(f -> head.length >= f.magic.length
                && Arrays.equals(Arrays.copyOf(head, f.magic.length), f.magic)).findFirst();
    }

    public static ImageFormat ofCode(int code) {
        return Arrays.stream(values()).filter(f -> f.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no image format " + code));
    }

    /** By extension, as in {@code /image/process.png} ({@code jpg} is JPEG). */
    public static Optional<ImageFormat> ofExtension(String ext) {
        String e = ext.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(e) || f == JPEG && e.equals("jpg")).findFirst();
    }
}
