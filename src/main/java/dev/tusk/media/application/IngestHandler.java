package dev.tusk.media.application;

import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.ImageDetails;
import dev.tusk.media.domain.Inserted;
import dev.tusk.media.domain.MediaException;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.UploadNotices;
import dev.tusk.platform.persistence.AfterTransaction;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Ingest: checks the uploaded bytes are an image (magic number, full decode, limits), hashes
 * them, keeps one file per content hash (a duplicate reuses the stored one), records details,
 * creates an alias and its delete token, and completes the upload, all in the job's
 * transaction. A refused file completes the upload with the error and leaves nothing behind;
 * files follow the transaction (a new original is removed if it rolls back, the temporary one
 * once it commits).
 */
@ApplicationScoped
public class IngestHandler implements JobHandler {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject TransactionalFiles files;
    @Inject MediaRepository.Hashes hashes;
    @Inject MediaRepository.Aliases aliases;
    @Inject MediaRepository.Details details;
    @Inject MediaRepository.Uploads uploads;
    @Inject ImageInspector inspector;
    @Inject UploadNotices notices;
    @Inject AfterTransaction after;

    @Override
    public String type() {
        return MediaJobs.INGEST;
    }

    @Override
    public JobOutcome run(JobContext context) throws Exception {
        IngestJob job = IngestJob.of(context.job());
        UUID upload = job.upload();
        byte[] bytes;
        try (InputStream in = files.open(job.temporary())) {
            bytes = in.readAllBytes();
        } catch (FileNotFoundException e) {
            complete(upload, failure(new MediaException(500, "upload-lost", "the uploaded file is gone")));
            return JobOutcome.ABORT;
        }
        String result;
        try {
            result = ingest(bytes);
        } catch (MediaException refused) {
            result = failure(refused);
        }
        complete(upload, result);
        files.deleteOnCommit(job.temporary());
        return JobOutcome.SUCCESS;
    }

    private String ingest(byte[] bytes) throws IOException, NoSuchAlgorithmException {
        ImageDetails d = inspector.inspect(bytes);
        ContentHash hash = ContentHash.of(MessageDigest.getInstance("SHA-256").digest(bytes), bytes.length, d.format());
        FileIdentifier identifier = hashes.identifier(hash).orElse(null);
        if (identifier == null) {
            FileIdentifier stored = files.save("originals", bytes);
            if (hashes.create(hash, stored, d.createdAt()) == Inserted.CREATED) {
                identifier = stored;
                details.relate(identifier, d);
            } else {
                // another ingest stored the same bytes first: keep its file
                files.deleteOnCommit(stored);
                identifier = hashes.identifier(hash).orElseThrow();
            }
        }
        ImageDetails kept = details.get(identifier).orElse(d);
        Alias alias = Alias.generate(d.format());
        String token = token();
        if (aliases.create(alias, token, hash) != Inserted.CREATED) {
            throw new IllegalStateException("alias collision");
        }
        return Json.createObjectBuilder().add("alias", alias.value()).add("delete_token", token)
                .add("details", kept.json())
                .build().toString();
    }

    private static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Out of attempts: the waiting request hears of it, and the temporary file goes. */
    @Override
    public void failedForGood(Job job, String reason) {
        IngestJob ingest = IngestJob.of(job);
        complete(ingest.upload(),
                failure(new MediaException(500, "ingest-failed", "the upload could not be processed; it was tried " + job.attempt() + " times")));
        files.deleteOnCommit(ingest.temporary());
    }

    static String failure(MediaException e) {
        return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("msg", e.getMessage()).add("code", e.code())
                .add("status", e.status())).build().toString();
    }

    private void complete(UUID upload, String result) {
        uploads.complete(upload, result);
        after.onCommit(() -> notices.completed(upload));
    }
}
