/** migrate-peers: a Jakarta Batch job that copies a tracker store into the other. */
package dev.tusk.tracker.application.migration;
