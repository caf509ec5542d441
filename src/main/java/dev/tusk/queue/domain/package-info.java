/**
 * The queue engine's own contracts: the job store, the dispatcher of wake-ups, the workers a
 * wake-up reaches and the operators' views. What the engine's users see is in {@code spi}.
 */
package dev.tusk.queue.domain;
