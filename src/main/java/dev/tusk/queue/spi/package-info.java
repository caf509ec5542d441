/**
 * The job queue's published SPI, all its users see: declare queues ({@code QueueDeclaration}) and
 * their listeners (calling {@code QueueWakeUps}), push jobs ({@code JobQueue}), run them
 * ({@code JobHandler}, {@code JobContext}, {@code JobOutcome}). The rest of {@code dev.tusk.queue}
 * is the engine's own and names no user's queue or job.
 */
package dev.tusk.queue.spi;
