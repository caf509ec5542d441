package dev.tusk.media.application;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaException;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.platform.persistence.AfterTransaction;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes uploads: the bytes go to the store's {@code tmp} folder (refused past the size limit
 * while they arrive), then an upload row and its ingest job are created in one transaction.
 * Inline uploads wait for the result; backgrounded ones are claimed later.
 */
@ApplicationScoped
public class UploadService {
    /** The store's folder of uploads not yet ingested. */
    static final String TEMPORARY = "tmp";

    @Inject MediaStore store;
    @Inject MediaRepository.Uploads uploads;
    @Inject JobQueue queue;
    @Inject UploadWaiters waiters;
    @Inject MediaSettings settings;
    @Inject AfterTransaction after;

    /** Stores the bytes and queues their ingest. @return the upload's id */
    @Transactional
    public UUID upload(InputStream bytes) {
        FileIdentifier temporary;
        try {
            temporary = store.save(TEMPORARY, new Limited(bytes, settings.maxFileSize()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        after.unlessCommitted(() -> deleteQuietly(temporary));
        UUID id = uploads.create();
        new IngestJob(id, temporary).push(queue);
        return id;
    }

    /** The upload's result JSON once ingested, waiting up to {@code timeout}. */
    public Optional<String> await(UUID upload, Duration timeout) {
        return waiters.await(upload, timeout);
    }

    /** Ends an upload whose result was handed out. */
    public void claim(UUID upload) {
        uploads.claim(upload);
    }

    private void deleteQuietly(FileIdentifier identifier) {
        try {
            store.delete(identifier);
        } catch (IOException e) {
            // AfterTransaction logs it
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a body past the limit while it is read (the partial file is removed by the store). */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        private void count(long n) {
            if (n > 0 && (read += n) > limit) {
                throw new MediaException(413, "file-too-large", "the file is larger than " + limit + " bytes");
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(n);
            return n;
        }
    }
}
