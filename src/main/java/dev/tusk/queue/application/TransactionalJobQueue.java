package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobBrowser;
import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The queue's pushes: the row and its wake-up join the caller's transaction, so a job pushed in
 * a transaction that rolls back never runs, and one that commits is never lost.
 */
@ApplicationScoped
public class TransactionalJobQueue implements JobQueue {

    @Inject JobStore store;
    @Inject JobBrowser browser;
    @Inject JobDispatcher dispatcher;
    @Inject DeclaredQueues queues;
    @Inject QueueSettings settings;
    @Inject QueueMetrics metrics;

    @Override
    @Transactional
    public Pushed push(String queue, String type, String arguments, String uniqueKey) {
        queues.require(queue);
        if (!store.insert(UUID.randomUUID(), queue, type, arguments, uniqueKey, settings.retries())) {
            return Pushed.ALREADY_QUEUED;
        }
        dispatcher.dispatch(queue, 1, Duration.ZERO);
        metrics.pushed(queue);
        return Pushed.QUEUED;
    }

    @Override
    public Set<String> held(String argument, Collection<String> values) {
        return browser.held(argument, values);
    }
}
