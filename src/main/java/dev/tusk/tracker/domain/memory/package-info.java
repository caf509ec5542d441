/**
 * Swarms served from memory: the cache every announce and scrape is answered from, and the
 * write-behind buffer that carries their changes to the store of record in batches.
 * Plain Java, no container: tested without a server.
 */
package dev.tusk.tracker.domain.memory;
