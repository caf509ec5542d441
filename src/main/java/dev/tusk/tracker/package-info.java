/** The BitTorrent tracker: HTTP announce, scrape and ping over swarms kept in PostgreSQL. */
package dev.tusk.tracker;
