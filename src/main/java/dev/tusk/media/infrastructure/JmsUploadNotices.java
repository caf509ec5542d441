package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.UploadNotices;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Topic;
import java.util.UUID;

/** Upload completions on a JMS topic (pict-rs's upload_completion_channel), heard by every node. */
@ApplicationScoped
@JMSDestinationDefinition(name = JmsUploadNotices.TOPIC, interfaceName = "jakarta.jms.Topic", destinationName = "tusk-media-uploads")
public class JmsUploadNotices implements UploadNotices {
    public static final String TOPIC = "java:/jms/tusk/media/uploads";

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory factory;
    @Resource(lookup = TOPIC)
    private Topic topic;

    @Override
    public void completed(UUID upload) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(topic, upload.toString());
        }
    }
}
