/**
 * The tracker's use cases (announce, scrape, approval), the swarm cache in front of the store with
 * its write-behind thread, its periodic tasks (GC, statistics) and its settings.
 */
package dev.tusk.tracker.application;
