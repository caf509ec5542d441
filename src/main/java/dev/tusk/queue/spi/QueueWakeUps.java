package dev.tusk.queue.spi;

import jakarta.jms.Message;

/**
 * The engine's one entry point for a queue's listener: each message on a declared queue's JMS
 * queue is a wake-up of its workers, which run the queue's runnable jobs. The listener runs
 * outside a transaction ({@code NOT_SUPPORTED}): the engine commits each step itself.
 */
public interface QueueWakeUps {

    void received(String queue, Message wakeUp);
}
