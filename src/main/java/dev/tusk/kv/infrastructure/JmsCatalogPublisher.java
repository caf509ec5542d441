package dev.tusk.kv.infrastructure;

import dev.tusk.kv.domain.CatalogPublisher;
import dev.tusk.platform.messaging.Notices;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Topic;

/**
 * Publishes "the catalog changed" on a JMS topic that every node subscribes to
 * ({@link CatalogChangeListener}); each node then reads the catalog again from the database.
 */
@ApplicationScoped
@JMSDestinationDefinition(name = JmsCatalogPublisher.TOPIC, interfaceName = "jakarta.jms.Topic", destinationName = "tusk-kv-catalog")
public class JmsCatalogPublisher implements CatalogPublisher {
    public static final String TOPIC = "java:/jms/tusk/kv/catalog";

    @Inject Notices notices;
    @Resource(lookup = TOPIC) private Topic topic;

    @Override
    public void catalogChanged() {
        notices.publish(topic, "catalog changed");
    }
}
