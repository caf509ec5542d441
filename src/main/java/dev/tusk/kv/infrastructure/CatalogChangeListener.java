package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.CatalogSubscriber;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Every node's subscription to catalog changes: it reloads the catalog, and replication follows. */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = JmsCatalogPublisher.TOPIC),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CatalogChangeListener implements MessageListener {

    @Inject CatalogSubscriber catalog;

    @Override
    public void onMessage(Message message) {
        catalog.catalogChanged();
    }
}
