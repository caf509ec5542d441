package dev.tusk.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

/**
 * Notices every node hears on a JMS topic (what PostgreSQL's NOTIFY was to the seeds): hints,
 * not records, so they are not written to the broker's journal, and a node that misses one
 * catches up by other means (a timer, a re-read).
 */
@ApplicationScoped
public class Notices {

    @Resource(lookup = "java:/ConnectionFactory") ConnectionFactory factory;

    public void publish(Topic topic, String text) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(topic, text);
        }
    }
}
