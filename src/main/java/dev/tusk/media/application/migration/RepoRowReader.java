package dev.tusk.media.application.migration;

import dev.tusk.platform.persistence.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/** Reads one table of this repository in key order, a page at a time; its checkpoint is the last key read. */
@Named
@Dependent
public class RepoRowReader extends AbstractItemReader {
    private static final int PAGE = 500;

    @Inject
    @BatchProperty
    String table;
    @Resource(lookup = SchemaMigrations.DATASOURCE)
    DataSource dataSource;

    private RepoTables.Table t;
    private final Deque<Object[]> buffer = new ArrayDeque<>();
    private String last;
    private boolean ended;

    @Override
    public void open(Serializable checkpoint) {
        t = RepoTables.BY_NAME.get(table);
        last = (String) checkpoint;
    }

    @Override
    public Object readItem() throws Exception {
        if (buffer.isEmpty() && !ended) {
            String columns = String.join(", ", t.columns().stream().map(c -> t.jsonColumns().contains(c) ? c + "::text" : c).toList());
            String sql = "SELECT " + columns + " FROM " + t.name() + (last == null ? "" : " WHERE " + t.key() + " > cast(? as " + t.keyType() + ")")
                    + " ORDER BY " + t.key() + " LIMIT " + PAGE;
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                if (last != null) {
                    ps.setObject(1, keyValue((String) last));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[t.columns().size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        buffer.add(row);
                    }
                }
            }
            ended = buffer.isEmpty();
        }
        Object[] row = buffer.poll();
        if (row != null) {
            last = keyText(row[t.columns().indexOf(t.key())]);
        }
        return row;
    }

    /** Checkpoints are text (JBeret's repository keeps them serialized): bytea keys in hex, uuids as text. */
    private static String keyText(Object key) {
        return key instanceof byte[] b ? "x" + java.util.HexFormat.of().formatHex(b) : "s" + key;
    }

    private static Object keyValue(String text) {
        String rest = text.substring(1);
        return text.charAt(0) == 'x' ? java.util.HexFormat.of().parseHex(rest) : rest;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
