package dev.tusk.kv.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How Tusk talks to shard instances ({@code kv.statement_timeout}, {@code kv.transaction_timeout}, {@code kv.pool_size}). */
@ApplicationScoped
public class ShardConnectionSettings {

    @Inject @ConfigProperty(name = "kv.statement_timeout") Duration statementTimeout;
    @Inject @ConfigProperty(name = "kv.transaction_timeout") Duration transactionTimeout;
    @Inject @ConfigProperty(name = "kv.pool_size") int poolSize;

    @PostConstruct
    void parse() {
        if (poolSize < 1) {
            throw new IllegalStateException("kv.pool_size must be at least 1");
        }
    }

    /** A statement's limit, and how long a call waits to connect or for a pooled connection. */
    public Duration statementTimeout() {
        return statementTimeout;
    }

    /** The longest transaction (and idle time in one) an instance allows Tusk's sessions. */
    public Duration transactionTimeout() {
        return transactionTimeout;
    }

    /** Connections kept per instance. */
    public int poolSize() {
        return poolSize;
    }
}
