package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.CatalogPublisher;
import dev.tusk.kv.domain.CatalogStore;
import dev.tusk.kv.domain.CatalogSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The catalog as this node knows it. An edit is stored in one transaction, then announced to
 * every node on the catalog topic; each node (this one too) reloads it and its replication
 * follows: new peers start replicating, removed ones stop, without a restart. Every
 * maintenance round also checks the catalog's version, so no change is missed for long.
 */
@ApplicationScoped
public class CatalogService implements CatalogSubscriber {

    @Inject CatalogStore store;
    @Inject CatalogPublisher publisher;
    @Inject Replicator replicator;

    private final AtomicReference<Catalog> current = new AtomicReference<>(Catalog.EMPTY);
    private long loadedVersion = -1;

    public Catalog current() {
        return current.get();
    }

    @Override
    public void catalogChanged() {
        reload();
    }

    public synchronized void reload() {
        // the version first: a change made meanwhile makes the next check reload again
        loadedVersion = store.version();
        Catalog catalog = store.load();
        current.set(catalog);
        replicator.reconcile(catalog);
    }

    /**
     * Reloads the catalog if it changed since this node last loaded it: how a node that missed
     * the topic's notice (its broker not shared with the editing node's, or a change made in
     * plain SQL) still applies every change, at its next maintenance round.
     */
    public synchronized void reloadIfChanged() {
        if (store.version() != loadedVersion) {
            reload();
        }
    }

    /** @throws IllegalArgumentException when the edits would break the catalog (nothing is changed) */
    public Catalog edit(Consumer<CatalogStore.Editor> edits) {
        Catalog after = store.edit(edits);
        synchronized (this) {
            current.set(after);
            replicator.reconcile(after);
        }
        publisher.catalogChanged();
        return after;
    }
}
