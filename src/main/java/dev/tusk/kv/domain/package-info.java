/** The global key-value store's model: versions, rows, the catalog and how keys map to shards. */
package dev.tusk.kv.domain;
