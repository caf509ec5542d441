package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.spi.QueueDeclaration;
import dev.tusk.queue.spi.QueueListener;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.MessageListener;

/**
 * The {@code process} queue's JMS queue and its listener: each message wakes the queue's workers;
 * {@code TUSK_QUEUE_PROCESS_CONCURRENCY} (4) sessions at most, outside any transaction (QueueListener).
 * Shaped like {@link CleanupQueueListener} by necessity: a message-driven bean's destination and
 * concurrency are annotations, so each queue has its own class.
 */
@JMSDestinationDefinition(name = ProcessQueueListener.DESTINATION, interfaceName = "jakarta.jms.Queue", destinationName = "tusk.jobs.process")
@MessageDriven(name = "ProcessQueueListener", messageListenerInterface = MessageListener.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ProcessQueueListener.DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_PROCESS_CONCURRENCY:4}")
})
public class ProcessQueueListener extends QueueListener {
    static final String DESTINATION = "java:/jms/tusk/jobs/process";
    static final QueueDeclaration QUEUE = new QueueDeclaration(MediaQueues.PROCESS, DESTINATION, 4);

    @Override
    protected String queue() {
        return MediaQueues.PROCESS;
    }
}
