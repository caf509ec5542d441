package dev.tusk.kv.domain;

/** Tells every node that the catalog changed (a JMS topic replaces pg_global_kv's NOTIFY config_push). */
public interface CatalogPublisher {
    void catalogChanged();
}
