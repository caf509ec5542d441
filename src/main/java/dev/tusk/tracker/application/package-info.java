/**
 * The tracker's use cases (announce, scrape, approval), the swarm cache in front of the store with
 * its write-behind thread, and its timers (GC, statistics).
 */
package dev.tusk.tracker.application;
