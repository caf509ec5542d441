package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.KvException;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.PeerChanges;
import dev.tusk.kv.domain.Progress;
import dev.tusk.kv.domain.ReplicationChannel;
import dev.tusk.kv.domain.ShardUnavailableException;
import dev.tusk.kv.domain.Shards;
import dev.tusk.kv.domain.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;

/** {@link Shards} over plain JDBC: pooled connections for calls, two of its own per replication channel. */
@ApplicationScoped
public class JdbcShards implements Shards {
    /** PostgreSQL's SQLSTATE for a number out of its type's range (bigint overflow). */
    private static final String NUMERIC_OUT_OF_RANGE = "22003";

    @Inject ShardConnections connections;
    @Inject ShardSchemas schemas;

    @FunctionalInterface
    private interface Call<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Statement<T> {
        T run() throws SQLException;
    }

    /**
     * Runs a call on a pooled connection; when the connection turns out to be dead (the server
     * restarted or ended it), once more on a new one. Every call is safe to repeat: writes keep
     * the newer version, and a repeated write finds its own version stored.
     */
    private <T> T call(ShardInstance instance, Call<T> call) {
        try {
            return retried(instance, call);
        } catch (SQLException e) {
            throw new ShardUnavailableException(instance.id(), e);
        }
    }

    private <T> T retried(ShardInstance instance, Call<T> call) throws SQLException {
        try {
            return once(instance, call);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e;
            }
            return once(instance, call);
        }
    }

    private <T> T once(ShardInstance instance, Call<T> call) throws SQLException {
        try (ShardConnections.Lease lease = connections.borrow(instance)) {
            try {
                return call.run(lease.connection());
            } catch (SQLException e) {
                lease.broken();
                throw e;
            }
        }
    }

    @Override
    public void prepare(ShardInstance instance) {
        try {
            schemas.migrate(instance);
        } catch (FlywayException e) {
            throw new ShardUnavailableException(instance.id(), e);
        }
    }

    @Override
    public List<KvRow> read(ShardInstance instance, Key key) {
        return call(instance, c -> ShardRows.read(c, key.namespace(), key.name()));
    }

    @Override
    public WriteOutcome write(ShardInstance instance, KvRow row) {
        return call(instance, c -> ShardRows.write(c, row));
    }

    @Override
    public void addToCounter(ShardInstance instance, Key key, long delta, long nowMicros, Instant expiresAt) {
        try {
            retried(instance, c -> {
                ShardRows.addToCounter(c, key.namespace(), key.name(), instance.id(), delta, nowMicros, expiresAt);
                return null;
            });
        } catch (SQLException e) {
            if (NUMERIC_OUT_OF_RANGE.equals(e.getSQLState())) {
                // the caller's add, not an outage: the counter keeps its value
                throw new KvException(KvException.Reason.BAD_REQUEST, "adding " + delta
                        + " would take the counter out of the 64-bit range (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
            }
            throw new ShardUnavailableException(instance.id(), e);
        }
    }

    @Override
    public Progress progress(ShardInstance instance, String peer) {
        return call(instance, c -> ShardRows.progress(c, peer));
    }

    @Override
    public void forget(ShardInstance instance, String peer) {
        call(instance, c -> {
            ShardRows.forget(c, peer);
            return null;
        });
    }

    @Override
    public Map<Integer, String> digests(ShardInstance instance, long settledBeforeMicros) {
        return call(instance, c -> ShardRows.digests(c, settledBeforeMicros));
    }

    @Override
    public List<KvRow> bucket(ShardInstance instance, int bucket) {
        return call(instance, c -> ShardRows.bucket(c, bucket));
    }

    @Override
    public int applyRows(ShardInstance instance, List<KvRow> rows) {
        return call(instance, c -> ShardRows.applyRows(c, rows));
    }

    @Override
    public int applyOverExisting(ShardInstance instance, List<KvRow> rows) {
        return call(instance, c -> ShardRows.applyOverExisting(c, rows));
    }

    @Override
    public long removeTombstones(ShardInstance instance, long belowXid, long beforeMicros) {
        return call(instance, c -> ShardRows.removeTombstones(c, belowXid, beforeMicros));
    }

    @Override
    public int sweepExpired(ShardInstance instance, Instant before) {
        return call(instance, c -> ShardRows.sweepExpired(c, before));
    }

    @Override
    public void retainOnly(List<ShardInstance> instances) {
        connections.retainOnly(instances);
    }

    @Override
    public ReplicationChannel channel(ShardInstance local, ShardInstance peer) {
        String name = "tusk-kv-repl " + local.id() + "<-" + peer.id();
        Connection localConnection;
        try {
            localConnection = connections.open(local, name);
        } catch (SQLException e) {
            throw new ShardUnavailableException(local.id(), e);
        }
        try {
            return new Channel(local, peer, localConnection, connections.open(peer, name));
        } catch (SQLException e) {
            ShardConnections.quietlyClose(localConnection);
            throw new ShardUnavailableException(peer.id(), e);
        }
    }

    private record Channel(ShardInstance local, ShardInstance peer, Connection localConnection, Connection peerConnection)
            implements ReplicationChannel {

        @Override
        public Progress progress() {
            return on(local, () -> ShardRows.progress(localConnection, peer.id()));
        }

        @Override
        public PeerChanges pull(long afterXid, String afterNamespace, String afterKey, String afterPart, int limit) {
            return on(peer, () -> ShardRows.pull(peerConnection, afterXid, afterNamespace, afterKey, afterPart, local.id(), limit));
        }

        @Override
        public int apply(List<KvRow> rows, long progressXid, long peerNowMicros) {
            return on(local, () -> ShardRows.apply(localConnection, rows, peer.id(), progressXid, peerNowMicros));
        }

        /** A statement on one of the channel's own connections. */
        private static <T> T on(ShardInstance instance, Statement<T> statement) {
            try {
                return statement.run();
            } catch (SQLException e) {
                throw new ShardUnavailableException(instance.id(), e);
            }
        }

        @Override
        public void close() {
            ShardConnections.quietlyClose(localConnection);
            ShardConnections.quietlyClose(peerConnection);
        }
    }
}
