package dev.tusk.tracker.domain;

/** A whole tracker store (PostgreSQL, Redis): peers, maintenance and what the swarm cache needs of it. */
public interface TrackerStore extends PeerStore, StoreMaintenance, SwarmStore {
}
