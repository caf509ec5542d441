package dev.tusk.tracker.infrastructure.postgres;

import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.CONTEXT;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.KEY;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.VALUE;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MoChi's key-value data ({@code mo_kv}) through the configured data queries. */
@ApplicationScoped
@Typed(PostgresDataStore.class)
public class PostgresDataStore implements DataStore {

    @Inject PostgresQueries queries;
    @Inject PostgresStatements sql;

    @Override
    @Transactional
    public void put(String context, Map<ByteKey, byte[]> entries) {
        List<Map<String, Object>> rows = entries.entrySet().stream().map(e -> {
            Map<String, Object> args = new HashMap<>(4);
            args.put(CONTEXT, context);
            args.put(KEY, e.getKey().bytes());
            args.put(VALUE, e.getValue());
            return args;
        }).toList();
        if (!rows.isEmpty()) {
            sql.batch(queries.dataAdd(), rows);
        }
    }

    @Override
    public Optional<byte[]> get(String context, ByteKey key) {
        Map<String, Object> args = Map.of(CONTEXT, context, KEY, key.bytes());
        return sql.query(queries.dataGet(), args, rs -> rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty());
    }

    @Override
    public boolean contains(String context, ByteKey key) {
        Map<String, Object> args = Map.of(CONTEXT, context, KEY, key.bytes());
        return sql.query(queries.dataGet(), args, rs -> rs.next());
    }

    @Override
    public void delete(String context, ByteKey... keys) {
        if (keys.length == 0) {
            return;
        }
        byte[][] raw = Arrays.stream(keys).map(ByteKey::bytes).toArray(byte[][]::new);
        sql.update(queries.dataDelete(), Map.of(CONTEXT, context, KEY, raw));
    }
}
