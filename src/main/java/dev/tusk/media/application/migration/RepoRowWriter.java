package dev.tusk.media.application.migration;

import dev.tusk.media.domain.RepositoryCopy;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Writes rows into the target database as they are (created_at, tokens, access times kept); a
 * row whose key is already there is left as it is (already-exists is success), so a run again
 * changes nothing. The target's schema is brought up when the writer opens.
 */
@Named
@Dependent
public class RepoRowWriter extends AbstractItemWriter {

    @Inject @BatchProperty String table;
    @Inject @BatchProperty String targetUrl;
    @Inject @BatchProperty String targetUser;
    @Inject RepositoryCopy repository;

    private RepositoryCopy.Target target;

    @Override
    public void open(Serializable checkpoint) {
        target = repository.open(targetUrl, targetUser);
    }

    @Override
    public void writeItems(List<Object> items) {
        target.write(table, items.stream().map(item -> (Object[]) item).toList());
    }

    @Override
    public void close() {
        if (target != null) {
            target.close();
        }
    }
}
