package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.spi.QueueDeclaration;
import dev.tusk.queue.spi.QueueListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.MessageListener;

/**
 * The {@code cleanup} queue's JMS queue and its listener: each message wakes the queue's workers;
 * {@code TUSK_QUEUE_CLEANUP_CONCURRENCY} (2) sessions at most, outside any transaction (QueueListener).
 * Shaped like {@link ProcessQueueListener} by necessity: a message-driven bean's destination and
 * concurrency are annotations, so each queue has its own class.
 */
@JMSDestinationDefinition(name = CleanupQueueListener.DESTINATION, interfaceName = "jakarta.jms.Queue", destinationName = "tusk.jobs.cleanup")
@MessageDriven(name = "CleanupQueueListener", messageListenerInterface = MessageListener.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = CleanupQueueListener.DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_CLEANUP_CONCURRENCY:2}")
})
public class CleanupQueueListener extends QueueListener {
    static final String DESTINATION = "java:/jms/tusk/jobs/cleanup";
    static final QueueDeclaration QUEUE = new QueueDeclaration(MediaQueues.CLEANUP, DESTINATION, 2);

    @Override
    protected String queue() {
        return MediaQueues.CLEANUP;
    }
}
