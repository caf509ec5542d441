/** The KV store's services: the client API, the catalog, replication and maintenance. */
package dev.tusk.kv.application;
