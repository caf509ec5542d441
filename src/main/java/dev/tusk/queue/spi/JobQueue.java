package dev.tusk.queue.spi;

import java.util.Collection;
import java.util.Set;

/** Pushes jobs onto the queues their users declared ({@link QueueDeclaration}). */
public interface JobQueue {

    /** What a push did. */
    enum Pushed { QUEUED, ALREADY_QUEUED }

    /**
     * Queues a job in the caller's transaction (none: its own): a job pushed in a transaction that
     * rolls back never runs, and one that commits is never lost.
     *
     * @param queue a declared queue's name
     * @param type the type of the {@link JobHandler} that runs it
     * @param arguments the job's arguments, a JSON value
     * @param uniqueKey null, or a key that no other queued or running job may hold
     * @throws IllegalArgumentException when no such queue is declared
     */
    Pushed push(String queue, String type, String arguments, String uniqueKey);

    /**
     * Which of {@code values} an argument named {@code argument} of a job still holds: one queued,
     * running, or kept after failing (an operator may retry it).
     */
    Set<String> held(String argument, Collection<String> values);
}
