package dev.tusk.tracker.domain;

/** Totals over the whole store, reported as MoChi's storage gauges. */
public record StoreStatistics(long infoHashes, long seeders, long leechers) {
}
