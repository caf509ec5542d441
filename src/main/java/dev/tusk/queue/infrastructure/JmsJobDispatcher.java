package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.JobDispatcher;
import dev.tusk.queue.spi.QueueDeclaration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Wake-ups as JMS messages, one JMS queue per declared job queue.
 *
 * <p>A wake-up asked for inside a transaction is sent when that transaction has committed, and
 * never when it rolled back: a job that rolled back is never woken, and a committed job whose
 * wake-up is lost (a crash right after the commit) is woken by the sweep. Sending it as a
 * second resource of the same XA transaction gives the same guarantees, but costs a two-phase
 * commit with the transaction manager's and the broker's journal writes on every push: 300 jobs/s
 * against several times that here (docs/benchmarks.md). Wake-ups are hints, so they are not
 * written to the broker's journal either.
 *
 * <p>Immediate wake-ups are counted from their sending until a worker receives them, and one is
 * left out while as many are due as the queue has workers ({@code TUSK_QUEUE_<QUEUE>_CONCURRENCY}):
 * a worker that receives one claims only after that, so a job committed before a wake-up is left
 * out is found by the worker of a wake-up still due. Each sweep lowers the count to the messages
 * it finds in the queue, so a wake-up lost with the broker cannot hold the count up.
 */
@ApplicationScoped
public class JmsJobDispatcher implements JobDispatcher {
    private static final Logger LOG = Logger.getLogger(JmsJobDispatcher.class.getName());

    /** The broker's plain (non-XA) factory: sends here are never part of a transaction. */
    @Resource(lookup = "java:/ConnectionFactory") ConnectionFactory factory;
    @Resource TransactionSynchronizationRegistry transactions;
    @Inject @Any Instance<QueueDeclaration> declared;
    @Inject MeterRegistry registry;
    /** {@code tusk_queue_wakeups_total{queue,outcome}}: immediate wake-ups sent or left out. */
    private final Map<String, Counter> wakeUps = new ConcurrentHashMap<>();

    /** Property of a counted (immediate) wake-up. */
    private static final String COUNTED = "tuskCounted";

    /** Each declared queue's JMS queue, immediate wake-ups sent and not yet received, and workers. */
    private final Map<String, Queue> destinations = new HashMap<>();
    private final Map<String, AtomicInteger> due = new HashMap<>();
    private final Map<String, Integer> workers = new HashMap<>();

    @PostConstruct
    void lookUpDestinations() {
        for (QueueDeclaration queue : declared) {
            try {
                destinations.put(queue.name(), InitialContext.doLookup(queue.destinationLookup()));
            } catch (NamingException e) {
                throw new IllegalStateException("job queue " + queue.name() + ": no JMS queue at " + queue.destinationLookup(), e);
            }
            due.put(queue.name(), new AtomicInteger());
            workers.put(queue.name(), queue.workers());
        }
    }

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
        Queue destination = destinations.get(queue);
        if (destination == null) {
            throw new IllegalArgumentException("unknown job queue '" + queue + "' (known: " + destinations.keySet() + ")");
        }
        return destination;
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
            for (int i = 0; i < count; i++) {
                producer.send(destination, queue);
            }
            return;
        }
        AtomicInteger dueNow = due.get(queue);
        producer.setProperty(COUNTED, true);
        for (int i = 0; i < count; i++) {
            if (dueNow.incrementAndGet() > workers.get(queue)) {
                dueNow.decrementAndGet(); // every worker has a wake-up due: it will find this job
                wakeUps(queue, "left_out").increment(count - i);
                return;
            }
            try {
                producer.send(destination, queue);
            } catch (RuntimeException e) {
                dueNow.decrementAndGet();
                throw e;
            }
            wakeUps(queue, "sent").increment();
        }
    }

    private Counter wakeUps(String queue, String outcome) {
        return wakeUps.computeIfAbsent(queue + '/' + outcome,
                k -> registry.counter("tusk.queue.wakeups", Tags.of("queue", queue, "outcome", outcome)));
    }

    /** A worker received a wake-up of the queue; called before it claims anything. */
    void received(String queue, Message message) {
        try {
            if (message.propertyExists(COUNTED) && !message.getJMSRedelivered()) {
                due.get(queue).decrementAndGet();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read a wake-up: " + e.getMessage(), e);
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
            if (n < limit) {
                int found = n;
                due.get(queue).updateAndGet(d -> Math.min(d, found));
            }
            return n;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue + ": " + e.getMessage(), e);
        }
    }
}
