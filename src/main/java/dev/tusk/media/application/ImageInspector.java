package dev.tusk.media.application;

import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.MediaException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether bytes are an image Tusk takes: the magic number names the format, then the
 * image is decoded whole (a truncated or corrupt file fails here), and its size and frames are
 * held against the limits.
 */
@ApplicationScoped
public class ImageInspector {

    @Inject MediaSettings settings;

    public ImageDetails inspect(byte[] bytes) {
        ImageFormat format = ImageFormat.sniff(bytes)
                .orElseThrow(() -> new MediaException(415, "unsupported-media-type", "the file is not an image Tusk accepts (png, jpeg, gif, bmp)"));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.extension());
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                java.util.List<String> warnings = new java.util.ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width > settings.maxWidth() || height > settings.maxHeight()) {
                    throw new MediaException(413, "dimensions-too-large", "the image is " + width + "x" + height + " pixels; at most "
                            + settings.maxWidth() + "x" + settings.maxHeight() + " are taken");
                }
                int frames = format == ImageFormat.GIF ? reader.getNumImages(true) : 1;
                if (frames > settings.maxFrames()) {
                    throw new MediaException(413, "too-many-frames", "the image has " + frames + " frames; at most " + settings.maxFrames());
                }
                for (int i = 0; i < frames; i++) {
                    if (reader.read(i) == null) {
                        throw new IOException("frame " + i + " did not decode");
                    }
                }
                if (!warnings.isEmpty()) {
                    // the JPEG decoder fills a truncated file with grey and only warns
                    throw new IOException("decoded with warnings: " + warnings);
                }
                return new ImageDetails(width, height, format == ImageFormat.GIF ? frames : null, format, Instant.now());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaException m) {
                throw m;
            }
            throw new MediaException(422, "invalid-image", "the " + format.extension() + " file does not decode (truncated or corrupt)");
        }
    }
}
