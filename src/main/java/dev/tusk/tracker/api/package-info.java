/**
 * The tracker's HTTP endpoints: announce and scrape for clients (an Undertow handler in front of
 * the servlet chain, and JAX-RS resources), ping, approval, swarms and GC for operators.
 */
package dev.tusk.tracker.api;
