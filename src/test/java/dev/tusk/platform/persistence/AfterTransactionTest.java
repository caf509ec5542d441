package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AfterTransactionTest {

    /** An active transaction whose synchronizations the test completes with a status of its choice. */
    private static final class Registry implements TransactionSynchronizationRegistry {
        final List<Synchronization> synchronizations = new ArrayList<>();

        void complete(int status) {
            synchronizations.forEach(s -> s.afterCompletion(status));
        }

        @Override
        public Object getTransactionKey() {
            return "tx";
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private static int runsAfter(int status, boolean unlessCommitted) {
        Registry registry = new Registry();
        AfterTransaction after = new AfterTransaction();
        after.transactions = registry;
        AtomicInteger undone = new AtomicInteger();
        if (unlessCommitted) {
            after.unlessCommitted(undone::incrementAndGet);
        } else {
            after.onRollback(undone::incrementAndGet);
        }
        registry.complete(status);
        return undone.get();
    }

    @Test
    void unlessCommittedRunsAlsoWhenTheOutcomeIsUnknown() {
        assertThat(runsAfter(Status.STATUS_ROLLEDBACK, true)).isEqualTo(1);
        assertThat(runsAfter(Status.STATUS_UNKNOWN, true)).as("a commit whose connection was terminated").isEqualTo(1);
        assertThat(runsAfter(Status.STATUS_COMMITTED, true)).isZero();
    }

    @Test
    void onRollbackRunsOnlyAfterARollback() {
        assertThat(runsAfter(Status.STATUS_ROLLEDBACK, false)).isEqualTo(1);
        assertThat(runsAfter(Status.STATUS_UNKNOWN, false)).as("the work may have been kept").isZero();
        assertThat(runsAfter(Status.STATUS_COMMITTED, false)).isZero();
    }

    @Test
    void workAfterCommitRunsOnlyAfterACommit() {
        for (int status : new int[] {Status.STATUS_COMMITTED, Status.STATUS_ROLLEDBACK, Status.STATUS_UNKNOWN}) {
            Registry registry = new Registry();
            AfterTransaction after = new AfterTransaction();
            after.transactions = registry;
            AtomicInteger done = new AtomicInteger();
            after.onCommit(done::incrementAndGet);
            registry.complete(status);
            assertThat(done.get()).as("status %d", status).isEqualTo(status == Status.STATUS_COMMITTED ? 1 : 0);
        }
    }
}
