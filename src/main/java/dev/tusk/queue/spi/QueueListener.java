package dev.tusk.queue.spi;

import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * What a declared queue's listener does with each message: hands it to the engine as a wake-up
 * of that queue's workers, outside any transaction (the engine commits each step itself; an
 * inherited method takes its transaction attribute from the class that declares it, so it is
 * declared here). A user's {@code @MessageDriven} subclass names its JMS queue and its sessions
 * in its annotations and the queue in {@link #queue()}.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public abstract class QueueListener implements MessageListener {
    @Inject QueueWakeUps wakeUps;

    /** The declared queue this listener wakes. */
    protected abstract String queue();

    @Override
    public void onMessage(Message message) {
        wakeUps.received(queue(), message);
    }
}
