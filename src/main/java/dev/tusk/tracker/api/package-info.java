/** The tracker's HTTP endpoints: announce, scrape and ping for clients, approval and swarms for operators. */
package dev.tusk.tracker.api;
