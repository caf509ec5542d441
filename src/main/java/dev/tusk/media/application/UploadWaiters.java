package dev.tusk.media.application;

import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.UploadNoticeSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Requests waiting for uploads on this node: woken by the completion notice from whichever node
 * ran the ingest, and re-reading the row every half second in case a notice was lost.
 */
@ApplicationScoped
public class UploadWaiters implements UploadNoticeSubscriber {
    private static final long RECHECK_MILLIS = 500;

    @Inject MediaRepository.Uploads uploads;

    private final Map<UUID, Object> waiting = new ConcurrentHashMap<>();

    @Override
    public void completed(UUID upload) {
        Object lock = waiting.get(upload);
        if (lock != null) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * The upload's result JSON, waiting up to {@code timeout}; empty if it is not complete by then.
     *
     * @throws java.util.NoSuchElementException for an unknown upload
     */
    public Optional<String> await(UUID upload, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object lock = waiting.computeIfAbsent(upload, k -> new Object());
        try {
            while (true) {
                Optional<String> result = uploads.result(upload);
                long left = deadline - System.nanoTime();
                if (result.isPresent() || left <= 0) {
                    return result;
                }
                synchronized (lock) {
                    TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiting.remove(upload);
        }
    }
}
