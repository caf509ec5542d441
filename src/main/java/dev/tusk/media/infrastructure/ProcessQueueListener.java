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
 * The {@code process} queue's JMS queue and its listener: each message wakes the queue's workers;
 * {@code TUSK_QUEUE_PROCESS_CONCURRENCY} (4) sessions at most.
 */
@JMSDestinationDefinition(name = ProcessQueueListener.DESTINATION, interfaceName = "jakarta.jms.Queue", destinationName = "tusk.jobs.process")
@MessageDriven(name = "ProcessQueueListener", activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ProcessQueueListener.DESTINATION),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.TUSK_QUEUE_PROCESS_CONCURRENCY:4}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessQueueListener implements MessageListener {
    static final String DESTINATION = "java:/jms/tusk/jobs/process";
    static final QueueDeclaration QUEUE = new QueueDeclaration(MediaQueues.PROCESS, DESTINATION, 4);

    @Inject
    QueueWakeUps wakeUps;

    @Override
    public void onMessage(Message message) {
        wakeUps.received(MediaQueues.PROCESS, message);
    }
}
