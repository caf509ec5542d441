package dev.tusk.media.application.migration;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Writes rows into the target database as they are (created_at, tokens, access times kept); a
 * row whose key is already there is left as it is (already-exists is success), so a run again
 * changes nothing. The target's schema is brought up when the writer opens.
 */
@Named
@Dependent
public class RepoRowWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String table;
    @Inject
    @BatchProperty
    String targetUrl;
    @Inject
    @BatchProperty
    String targetUser;

    private RepoTables.Table t;
    private Connection target;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        t = RepoTables.BY_NAME.get(table);
        TargetDatabase.migrate(targetUrl, targetUser);
        target = TargetDatabase.connect(targetUrl, targetUser);
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        String values = String.join(", ", t.columns().stream().map(c -> t.jsonColumns().contains(c) ? "cast(? as jsonb)" : "?").toList());
        String sql = "INSERT INTO " + t.name() + " (" + String.join(", ", t.columns()) + ") VALUES (" + values + ") ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = target.prepareStatement(sql)) {
            for (Object item : items) {
                Object[] row = (Object[]) item;
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void close() throws Exception {
        if (target != null) {
            target.close();
        }
    }
}
