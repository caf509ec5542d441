package dev.tusk.media.application.migration;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.MediaRepository;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads one partition's hashes in hash order; its checkpoint is the last hash handed out (its slug). */
@Named
@Dependent
public class HashSliceReader extends AbstractItemReader {
    private static final int PAGE = 100;

    @Inject @BatchProperty String partition;
    @Inject @BatchProperty String partitions;
    @Inject MediaRepository.Hashes hashes;

    private final Deque<ContentHash> buffer = new ArrayDeque<>();
    private ContentHash last;
    private boolean ended;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? null : ContentHash.fromSlug((String) checkpoint);
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !ended) {
            buffer.addAll(hashes.slice(Integer.parseInt(partition), Integer.parseInt(partitions), last, PAGE));
            ended = buffer.isEmpty();
        }
        ContentHash next = buffer.poll();
        if (next != null) {
            last = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return last == null ? null : last.slug();
    }
}
