package dev.tusk.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that must wait for the caller's transaction to end: after a commit (a notice, deleting a
 * file the transaction stopped using) or after a rollback (deleting a file it had written).
 * Without a transaction, commit work runs at once. Failures are logged: nothing can be undone then.
 */
@ApplicationScoped
public class AfterTransaction {
    private static final Logger LOG = Logger.getLogger(AfterTransaction.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void onCommit(Runnable work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            run(work);
            return;
        }
        after(Status.STATUS_COMMITTED, work);
    }

    public void onRollback(Runnable work) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            after(Status.STATUS_ROLLEDBACK, work);
        }
    }

    private void after(int wanted, Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == wanted) {
                    run(work);
                }
            }
        });
    }

    private static void run(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work after a transaction failed: {0}", e.toString());
        }
    }
}
