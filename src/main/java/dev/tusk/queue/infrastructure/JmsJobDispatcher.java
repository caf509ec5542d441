package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.domain.JobQueues;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wake-ups as JMS messages, one destination per job queue.
 *
 * <p>A wake-up asked for inside a transaction is sent when that transaction has committed, and
 * never when it rolled back: a job that rolled back is never woken, and a committed job whose
 * wake-up is lost (a crash right after the commit) is woken by the sweep. Sending it as a
 * second resource of the same XA transaction gives the same guarantees, but costs a two-phase
 * commit with the transaction manager's and the broker's journal writes on every push: 300 jobs/s
 * against several times that here (docs/benchmarks.md). Wake-ups are hints, so they are not
 * written to the broker's journal either.
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
    private static final Logger LOG = Logger.getLogger(JmsJobDispatcher.class.getName());

    /** The broker's plain (non-XA) factory: sends here are never part of a transaction. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Resource(lookup = PROCESS_DESTINATION)
    Queue process;
    @Resource(lookup = CLEANUP_DESTINATION)
    Queue cleanup;

    /**
     * A JMSContext is single-threaded: one session per sending thread, all on one connection,
     * closed with the application.
     */
    private final ThreadLocal<JMSContext> contexts = new ThreadLocal<>();
    private final List<JMSContext> opened = new CopyOnWriteArrayList<>();
    private JMSContext connection;

    @PreDestroy
    synchronized void close() {
        opened.forEach(JMSContext::close);
        opened.clear();
        if (connection != null) {
            connection.close();
        }
    }

    private Queue destination(String queue) {
        return Map.of(JobQueues.PROCESS, process, JobQueues.CLEANUP, cleanup).get(JobQueues.require(queue));
    }

    @Override
    public void dispatch(String queue, int count, Duration delay) {
        Queue destination = destination(queue);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sendQuietly(destination, queue, count, delay);
                    }
                }
            });
        } else {
            send(destination, queue, count, delay);
        }
    }

    /** After a commit nothing can be undone: a failed send is left to the sweep. */
    private void sendQuietly(Queue destination, String queue, int count, Duration delay) {
        try {
            send(destination, queue, count, delay);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "wake-up for {0} not sent ({1}); the sweep will send it", new Object[] {queue, e.getMessage()});
        }
    }

    private void send(Queue destination, String queue, int count, Duration delay) {
        JMSProducer producer = context().createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        if (!delay.isZero() && !delay.isNegative()) {
            producer.setDeliveryDelay(delay.toMillis());
        }
        for (int i = 0; i < count; i++) {
            producer.send(destination, queue);
        }
    }

    private JMSContext context() {
        JMSContext context = contexts.get();
        if (context == null) {
            context = session();
            contexts.set(context);
            opened.add(context);
        }
        return context;
    }

    private synchronized JMSContext session() {
        if (connection == null) {
            connection = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        }
        return connection.createContext(JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public int inFlight(String queue, int limit) {
        try (QueueBrowser browser = context().createBrowser(destination(queue))) {
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
