package dev.tusk.kv.domain;

/** Hears, on every node, that the catalog changed (what {@link CatalogPublisher} announced). */
public interface CatalogSubscriber {
    void catalogChanged();
}
