package dev.tusk.tracker.domain;

/** What an announce does to the announcer's entry in its swarm. */
public enum SwarmChange {
    PUT_SEEDER, PUT_LEECHER, GRADUATE, REMOVE;

    /** Whether the announcer is a seeder once the change is made. */
    public boolean leavesSeeder() {
        return this != PUT_LEECHER;
    }
}
