package dev.tusk.tracker.domain;

import java.util.List;

/** What a store answers to one announce: the peers chosen for the announcer and the swarm's counts. */
public record AnnounceOutcome(List<Peer> peers, SwarmCounts swarm) {
}
