package dev.tusk.kv.domain;

import java.util.function.Consumer;

/** Where the catalog is kept (Tusk's own database), edited in one transaction at a time. */
public interface CatalogStore {

    Catalog load();

    /** A number that every change of the catalog tables increases (also changes made in plain SQL). */
    long version();

    /** The edits a change may make; each refuses what breaks the catalog with IllegalArgumentException. */
    interface Editor {
        void putZone(String name);

        void removeZone(String name);

        void putShard(String name, int position);

        void removeShard(String name);

        void putInstance(Catalog.ShardInstance instance);

        void decommission(String instanceId);

        void removeInstance(String instanceId);

        void putNamespace(Catalog.Namespace namespace);

        void removeNamespace(String name);
    }

    /** Runs the edits in one transaction and answers the catalog after them. */
    Catalog edit(Consumer<Editor> edits);
}
