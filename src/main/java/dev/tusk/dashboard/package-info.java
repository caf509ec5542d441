/**
 * The operator's dashboard: the pages under {@code /admin/} (src/main/webapp/admin) and what they
 * read here: a short in-memory history of Tusk's own metrics, sampled every few seconds so that
 * charts are filled when a page opens, and the readiness of each store.
 */
package dev.tusk.dashboard;
