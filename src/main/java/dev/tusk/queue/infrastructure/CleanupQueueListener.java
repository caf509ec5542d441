package dev.tusk.queue.infrastructure;

import dev.tusk.queue.application.JobRunner;
import dev.tusk.queue.domain.JobQueues;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Runs the runnable jobs of the {@code cleanup} queue at each wake-up (JobRunner.drain); {@code TUSK_QUEUE_CLEANUP_CONCURRENCY}
 * sessions at most. Outside a transaction: the runner commits each step itself, and an error
 * here (the database down) is rethrown so that the broker redelivers the wake-up.
 */
@MessageDriven(name = "CleanupQueueListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsJobDispatcher.CLEANUP_DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_CLEANUP_CONCURRENCY:2}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupQueueListener implements MessageListener {
    @Inject
    JobRunner runner;
    @Inject
    JmsJobDispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        dispatcher.received(JobQueues.CLEANUP, message);
        runner.drain(JobQueues.CLEANUP);
    }
}
