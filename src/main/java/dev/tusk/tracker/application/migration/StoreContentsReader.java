package dev.tusk.tracker.application.migration;

import dev.tusk.tracker.domain.StoreContents;
import dev.tusk.tracker.domain.StoreContents.Positioned;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one part of a store a page at a time. Its checkpoint is the position just after the
 * last item handed to the step, so a restart reads on from the last committed chunk.
 */
@Named
@Dependent
public class StoreContentsReader extends AbstractItemReader {

    @Inject @BatchProperty String store;
    @Inject @BatchProperty String part;
    @Inject @BatchProperty String pageSize;
    @Inject @Any Instance<StoreContents> stores;

    private StoreContents contents;
    private StoreContents.Part which;
    private int limit;
    private final Deque<Positioned> buffer = new ArrayDeque<>();
    private String position;
    private boolean ended;

    @Override
    public void open(Serializable checkpoint) {
        contents = stores.select(NamedLiteral.of(store)).get();
        which = StoreContents.Part.valueOf(part);
        limit = Integer.parseInt(pageSize);
        position = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !ended) {
            buffer.addAll(contents.read(which, position, limit));
            ended = buffer.isEmpty();
        }
        Positioned next = buffer.poll();
        if (next == null) {
            return null;
        }
        position = next.next();
        return next.item();
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
