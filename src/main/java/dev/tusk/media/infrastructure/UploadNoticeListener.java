package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.UploadNoticeSubscriber;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;

/**
 * Wakes the requests of this node that wait for a completed upload. Shaped like the KV catalog's
 * listener: a topic's subscription is the annotations of a message-driven bean.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsUploadNotices.TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UploadNoticeListener implements MessageListener {

    @Inject UploadNoticeSubscriber waiters;

    @Override
    public void onMessage(Message message) {
        try {
            waiters.completed(UUID.fromString(message.getBody(String.class)));
        } catch (JMSException | IllegalArgumentException e) {
            // not an upload notice: nothing waits for it
        }
    }
}
