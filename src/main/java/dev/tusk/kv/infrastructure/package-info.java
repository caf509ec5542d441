/**
 * The KV store on PostgreSQL: shard instance connections and SQL, the catalog tables, JMS. The
 * catalog's editor is one statement per edit, and the catalog topic's publisher and listener
 * have the shape of media's upload notices because a JMS topic's definition and subscription are
 * annotations on a class of their own.
 */
package dev.tusk.kv.infrastructure;
