package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.spi.QueueDeclaration;
import dev.tusk.queue.spi.QueueWakeUps;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The {@code cleanup} queue's JMS queue and its listener: each message wakes the queue's workers;
 * {@code TUSK_QUEUE_CLEANUP_CONCURRENCY} (2) sessions at most.
 */
@JMSDestinationDefinition(name = CleanupQueueListener.DESTINATION, interfaceName = "jakarta.jms.Queue", destinationName = "tusk.jobs.cleanup")
@MessageDriven(name = "CleanupQueueListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CleanupQueueListener.DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_CLEANUP_CONCURRENCY:2}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CleanupQueueListener implements MessageListener {
    static final String DESTINATION = "java:/jms/tusk/jobs/cleanup";
    static final QueueDeclaration QUEUE = new QueueDeclaration(MediaQueues.CLEANUP, DESTINATION, 2);

    @Inject
    QueueWakeUps wakeUps;

    @Override
    public void onMessage(Message message) {
        wakeUps.received(MediaQueues.CLEANUP, message);
    }
}
