package dev.tusk.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntPredicate;
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

    @Resource TransactionSynchronizationRegistry transactions;

    public void onCommit(Runnable work) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            run(work);
            return;
        }
        after(Status.STATUS_COMMITTED, work);
    }

    /** Work after the transaction rolled back (not when its outcome is unknown). */
    public void onRollback(Runnable work) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            after(Status.STATUS_ROLLEDBACK, work);
        }
    }

    /**
     * Work that undoes what only a committed transaction keeps, run unless it committed: also when
     * its outcome is unknown (a commit whose connection the database terminated, which the client
     * was told failed), where nothing else would ever remove it. Only for what a committed
     * transaction that nobody heard of cannot miss (an upload's temporary file: its ingest would
     * report the upload lost).
     */
    public void unlessCommitted(Runnable work) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            after(status -> status != Status.STATUS_COMMITTED, work);
        }
    }

    private void after(int wanted, Runnable work) {
        after(status -> status == wanted, work);
    }

    private void after(IntPredicate wanted, Runnable work) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                if (wanted.test(status)) {
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
