package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import dev.tusk.queue.spi.LeaseLostException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * One attempt, in one transaction: the handler's own database work and the job's completion
 * commit together, and only while the worker holds the lease; a retry or a lost lease rolls
 * everything back.
 */
@ApplicationScoped
public class JobExecution {

    /** The handler asked for another try. */
    static final class RetryRequested extends RuntimeException {
        RetryRequested() {
            super("the handler asked for a retry", null, false, false);
        }
    }

    @Inject JobStore store;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public JobOutcome attempt(JobHandler handler, JobContext context, UUID worker) throws Exception {
        JobOutcome outcome = handler.run(context);
        if (outcome == JobOutcome.RETRY) {
            throw new RetryRequested();
        }
        if (context.leaseLost() || !store.complete(context.job().id(), worker)) {
            throw new LeaseLostException(context.job().id());
        }
        return outcome;
    }
}
