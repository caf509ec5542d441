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
 * Runs the runnable jobs of the {@code process} queue at each wake-up (JobRunner.drain); {@code TUSK_QUEUE_PROCESS_CONCURRENCY}
 * sessions at most. Outside a transaction: the runner commits each step itself, and an error
 * here (the database down) is rethrown so that the broker redelivers the wake-up.
 */
@MessageDriven(name = "ProcessQueueListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsJobDispatcher.PROCESS_DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_PROCESS_CONCURRENCY:4}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessQueueListener implements MessageListener {
    @Inject
    JobRunner runner;
    @Inject
    JmsJobDispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        dispatcher.received(JobQueues.PROCESS, message);
        runner.drain(JobQueues.PROCESS);
    }
}
