package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.CatalogPublisher;
import dev.tusk.kv.domain.CatalogStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The catalog as this node knows it. An edit is stored in one transaction, then announced to
 * every node on the catalog topic; each node (this one too) reloads it and its replication
 * follows: new peers start replicating, removed ones stop, without a restart.
 */
@ApplicationScoped
public class CatalogService {

    @Inject
    CatalogStore store;
    @Inject
    CatalogPublisher publisher;
    @Inject
    Replicator replicator;

    private final AtomicReference<Catalog> current = new AtomicReference<>(Catalog.EMPTY);

    public Catalog current() {
        return current.get();
    }

    public synchronized void reload() {
        Catalog catalog = store.load();
        current.set(catalog);
        replicator.reconcile(catalog);
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
