/** The KV store on PostgreSQL: shard instance connections and SQL, the catalog tables, JMS. */
package dev.tusk.kv.infrastructure;
