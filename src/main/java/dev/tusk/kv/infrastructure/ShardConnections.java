package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Connections to shard instances, which the catalog names at run time (so they cannot be
 * WildFly datasources): plain JDBC with connect, login and socket timeouts, so that a zone that
 * is down or hung fails a call instead of holding it, statement and idle-in-transaction limits
 * ({@code kv.transaction_timeout}), so that no transaction of Tusk's holds an instance's
 * horizon back for long, and a small pool per instance.
 */
@ApplicationScoped
public class ShardConnections {

    @Inject ShardConnectionSettings settings;

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    /** A new connection of its own (a replication task keeps one per instance it talks to). */
    public Connection open(ShardInstance instance, String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", instance.username());
        if (instance.password() != null) {
            p.setProperty("password", instance.password());
        }
        int timeout = (int) Math.max(1, settings.statementTimeout().toSeconds());
        p.setProperty("connectTimeout", Integer.toString(timeout));
        p.setProperty("loginTimeout", Integer.toString(timeout));
        p.setProperty("socketTimeout", Integer.toString(timeout * 3));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName);
        long limit = settings.transactionTimeout().toMillis();
        p.setProperty("options", "-c statement_timeout=" + limit + " -c idle_in_transaction_session_timeout=" + limit);
        Connection c = new org.postgresql.Driver().connect(instance.jdbcUrl(), p);
        if (c == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + instance.jdbcUrl());
        }
        return c;
    }

    /** A pooled connection for clients' reads and writes; closing it gives it back. */
    public Lease borrow(ShardInstance instance) throws SQLException {
        return pools.computeIfAbsent(key(instance), k -> new Pool(instance)).borrow();
    }

    /** Closes the pools of instances whose settings changed or that left the catalog. */
    public void retainOnly(java.util.Collection<ShardInstance> instances) {
        java.util.Set<String> keep = new java.util.HashSet<>();
        instances.forEach(i -> keep.add(key(i)));
        pools.entrySet().removeIf(e -> {
            if (!keep.contains(e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    private static String key(ShardInstance i) {
        return i.id() + '\n' + i.jdbcUrl() + '\n' + i.username() + '\n' + i.password();
    }

    @PreDestroy
    void closeAll() {
        pools.values().forEach(Pool::close);
        pools.clear();
    }

    /** A borrowed connection. */
    public final class Lease implements AutoCloseable {
        private final Pool pool;
        private final Connection connection;
        private boolean broken;

        Lease(Pool pool, Connection connection) {
            this.pool = pool;
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        /** The connection failed: it is closed instead of going back to the pool. */
        public void broken() {
            broken = true;
        }

        @Override
        public void close() {
            pool.giveBack(connection, broken);
        }
    }

    private final class Pool {
        private final ShardInstance instance;
        private final Deque<Idle> idle = new ArrayDeque<>();
        private final Semaphore permits;
        private volatile boolean closed;

        Pool(ShardInstance instance) {
            this.instance = instance;
            this.permits = new Semaphore(settings.poolSize());
        }

        Lease borrow() throws SQLException {
            try {
                if (!permits.tryAcquire(settings.statementTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new SQLException("no free connection to shard instance " + instance.id());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
            }
            try {
                Connection c = null;
                while (c == null) {
                    Idle candidate;
                    synchronized (idle) {
                        candidate = idle.pollFirst();
                    }
                    if (candidate == null) {
                        c = open(instance, "tusk-kv-client");
                    } else if (candidate.usable()) {
                        c = candidate.connection();
                    } else {
                        quietlyClose(candidate.connection());
                    }
                }
                c.setAutoCommit(true);
                return new Lease(this, c);
            } catch (SQLException | RuntimeException e) {
                permits.release();
                throw e;
            }
        }

        void giveBack(Connection c, boolean broken) {
            try {
                if (broken || closed || c.isClosed() || !c.getAutoCommit()) {
                    quietlyClose(c);
                } else {
                    synchronized (idle) {
                        idle.addFirst(new Idle(c, System.nanoTime()));
                    }
                }
            } catch (SQLException e) {
                quietlyClose(c);
            } finally {
                permits.release();
            }
        }

        void close() {
            closed = true;
            synchronized (idle) {
                idle.forEach(i -> quietlyClose(i.connection()));
                idle.clear();
            }
        }
    }

    /** A pooled connection and when it was given back; one idle for a while is checked before use. */
    private record Idle(Connection connection, long since) {
        private static final long CHECK_AFTER_NANOS = 2_000_000_000L;

        boolean usable() {
            try {
                return !connection.isClosed() && (System.nanoTime() - since < CHECK_AFTER_NANOS || connection.isValid(2));
            } catch (SQLException e) {
                return false;
            }
        }
    }

    static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already gone
        }
    }
}
