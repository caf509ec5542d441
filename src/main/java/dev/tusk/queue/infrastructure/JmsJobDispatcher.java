package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobQueues;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;

/**
 * Wake-ups as JMS messages, one destination per job queue. Sent through the pooled, JTA-aware
 * connection factory ({@code java:/JmsXA}), so a wake-up sent with a job's insert is delivered
 * only if that transaction commits.
 */
@ApplicationScoped
@JMSDestinationDefinitions({
    @JMSDestinationDefinition(name = JmsJobDispatcher.PROCESS_DESTINATION, interfaceName = "jakarta.jms.Queue",
            destinationName = "tusk.jobs.process"),
    @JMSDestinationDefinition(name = JmsJobDispatcher.CLEANUP_DESTINATION, interfaceName = "jakarta.jms.Queue",
            destinationName = "tusk.jobs.cleanup")
})
public class JmsJobDispatcher implements JobDispatcher {
    static final String PROCESS_DESTINATION = "java:/jms/tusk/jobs/process";
    static final String CLEANUP_DESTINATION = "java:/jms/tusk/jobs/cleanup";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = PROCESS_DESTINATION)
    Queue process;
    @Resource(lookup = CLEANUP_DESTINATION)
    Queue cleanup;

    private Queue destination(String queue) {
        return Map.of(JobQueues.PROCESS, process, JobQueues.CLEANUP, cleanup).get(JobQueues.require(queue));
    }

    @Override
    public void dispatch(String queue, int count, Duration delay) {
        Queue destination = destination(queue);
        JMSProducer producer = jms.createProducer();
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        for (int i = 0; i < count; i++) {
            producer.send(destination, queue);
        }
    }

    @Override
    public int inFlight(String queue, int limit) {
        try (QueueBrowser browser = jms.createBrowser(destination(queue))) {
            Enumeration<?> messages = browser.getEnumeration();
            int n = 0;
            while (n < limit && messages.hasMoreElements()) {
                messages.nextElement();
                n++;
            }
            return n;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
    }
}
