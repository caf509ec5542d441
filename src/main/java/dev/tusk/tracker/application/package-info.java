/** The tracker's use cases (announce, scrape, approval) and its timers (GC, statistics). */
package dev.tusk.tracker.application;
