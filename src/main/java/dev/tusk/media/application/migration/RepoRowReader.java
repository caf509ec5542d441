package dev.tusk.media.application.migration;

import dev.tusk.media.domain.RepositoryCopy;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Reads one table of this repository in key order, a page at a time; its checkpoint is the last key read. */
@Named
@Dependent
public class RepoRowReader extends AbstractItemReader {
    private static final int PAGE = 500;

    @Inject @BatchProperty String table;
    @Inject RepositoryCopy repository;

    private final Deque<RepositoryCopy.Row> buffer = new ArrayDeque<>();
    private String last;
    private boolean ended;

    @Override
    public void open(Serializable checkpoint) {
        last = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !ended) {
            buffer.addAll(repository.read(table, last, PAGE));
            ended = buffer.isEmpty();
        }
        RepositoryCopy.Row row = buffer.poll();
        if (row == null) {
            return null;
        }
        last = row.key();
        return row.values();
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
