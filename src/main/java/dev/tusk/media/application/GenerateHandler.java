package dev.tusk.media.application;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import javax.imageio.ImageIO;

/**
 * Generate: a thumbnail variant of an original, at most {@code size} pixels on its longer side
 * (never enlarged), in the requested format. Queued with a unique key per (hash, variant), so
 * it runs once however many requests or nodes ask at the same time; a variant already there
 * ends it at once.
 */
@ApplicationScoped
public class GenerateHandler implements JobHandler {

    @Inject TransactionalFiles files;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Variants variants;
    @Inject MediaRepository.Details details;

    @Override
    public String type() {
        return MediaJobs.GENERATE;
    }

    @Override
    public JobOutcome run(JobContext context) throws Exception {
        GenerateJob job = GenerateJob.of(context);
        ContentHash hash = job.hash();
        String variant = job.variant();
        if (variants.identifier(hash, variant).isPresent()) {
            return JobOutcome.SUCCESS;
        }
        FileIdentifier original = hashes.identifier(hash).orElse(null);
        if (original == null) {
            return JobOutcome.ABORT;
        }
        BufferedImage source;
        try (InputStream in = files.open(original)) {
            source = ImageIO.read(in);
        }
        ImageFormat format = job.format();
        BufferedImage thumbnail = scale(source, job.size(), format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(thumbnail, format.extension(), out)) {
            throw new IOException("no " + format.extension() + " writer");
        }
        FileIdentifier identifier = files.save("variants", out.toByteArray());
        if (variants.relate(hash, variant, identifier) == Inserted.ALREADY_EXISTS) {
            files.deleteOnCommit(identifier);
        } else {
            details.relate(identifier, new ImageDetails(thumbnail.getWidth(), thumbnail.getHeight(), null, format, Instant.now()));
        }
        return JobOutcome.SUCCESS;
    }

    static BufferedImage scale(BufferedImage source, int size, ImageFormat format) {
        double factor = Math.min(1.0, (double) size / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        boolean alpha = format == ImageFormat.PNG || format == ImageFormat.GIF;
        BufferedImage target = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
