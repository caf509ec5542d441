package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.SwarmCounts;
import java.time.Duration;
import java.util.List;

/** What an announcer is told: when to come back, the swarm's size, and peers to contact. */
public record AnnounceResult(Duration interval, Duration minInterval, SwarmCounts swarm, List<Peer> peers) {
}
