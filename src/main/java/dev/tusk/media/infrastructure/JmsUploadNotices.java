package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.UploadNotices;
import dev.tusk.platform.messaging.Notices;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Topic;
import java.util.UUID;

/**
 * Upload completions on a JMS topic (pict-rs's upload_completion_channel), heard by every node
 * ({@link UploadNoticeListener}). Shaped like the KV catalog's topic: a topic's definition and
 * lookup are annotations on the class that publishes.
 */
@ApplicationScoped
@JMSDestinationDefinition(name = JmsUploadNotices.TOPIC, interfaceName = "jakarta.jms.Topic", destinationName = "tusk-media-uploads")
public class JmsUploadNotices implements UploadNotices {
    public static final String TOPIC = "java:/jms/tusk/media/uploads";

    @Inject Notices notices;
    @Resource(lookup = TOPIC) private Topic topic;

    @Override
    public void completed(UUID upload) {
        notices.publish(topic, upload.toString());
    }
}
