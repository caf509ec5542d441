package dev.tusk.queue.spi;

import java.time.Instant;
import java.util.UUID;

/**
 * A claimed job: its type selects the handler, its arguments are JSON text.
 *
 * @param attempt 1 for the first run, 2 for the first retry...
 */
public record Job(UUID id, String queue, String type, String arguments, int attempt, Instant queuedAt) {
}
