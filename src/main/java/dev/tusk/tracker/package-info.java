/**
 * The BitTorrent tracker: HTTP announce, scrape and ping, answered from swarms in memory that are
 * written behind to PostgreSQL or Redis (MoChi's schema, queries and key layout).
 */
package dev.tusk.tracker;
