package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.QueueWorkers;
import dev.tusk.queue.spi.QueueWakeUps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;

/** A wake-up a queue's listener received: counted off as no longer due, then the workers run. */
@ApplicationScoped
public class JmsQueueWakeUps implements QueueWakeUps {
    @Inject JmsJobDispatcher dispatcher;
    @Inject QueueWorkers workers;

    @Override
    public void received(String queue, Message wakeUp) {
        dispatcher.received(queue, wakeUp);
        workers.wakeUp(queue);
    }
}
