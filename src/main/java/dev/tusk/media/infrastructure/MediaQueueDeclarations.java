package dev.tusk.media.infrastructure;

import dev.tusk.queue.spi.QueueDeclaration;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** The media service's queues, declared to the queue engine (each with its listener). */
@Dependent
public class MediaQueueDeclarations {
    @Produces
    static final QueueDeclaration PROCESS = ProcessQueueListener.QUEUE;
    @Produces
    static final QueueDeclaration CLEANUP = CleanupQueueListener.QUEUE;
}
