package dev.tusk.tracker.domain;

/** What a scrape reports for one swarm. */
public record SwarmCounts(long seeders, long leechers, long downloads) {
    public static final SwarmCounts EMPTY = new SwarmCounts(0, 0, 0);
}
