package dev.tusk.queue.application;

import static dev.tusk.queue.application.QueueEngine.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.platform.timers.ScheduledTask;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sweep: jobs of a dead worker go back to new, runnable jobs without a wake-up in flight are woken again. */
class JobSweeperTest {

    @Test
    void aJobWhoseWorkerStoppedHeartbeatingIsPutBackAndWokenAgain() {
        QueueEngine engine = new QueueEngine();
        engine.queue.push(QUEUE, "any", "{}", null);
        engine.store.claim(QUEUE, UUID.randomUUID(), 1, 1); // a worker that then dies
        engine.wakeUps.clear();

        engine.store.advance(Duration.ofSeconds(4));
        engine.sweeper.sweep();
        assertThat(engine.store.rows.values().iterator().next().running).as("4 s without a heartbeat is not stale yet").isTrue();

        engine.store.advance(Duration.ofSeconds(2));
        engine.sweeper.sweep();

        assertThat(engine.store.rows.values().iterator().next().running).isFalse();
        assertThat(engine.jobs("requeued")).isEqualTo(1);
        assertThat(engine.wakeUps).containsExactly(new QueueEngine.WakeUp(QUEUE, 1, Duration.ZERO));
    }

    @Test
    void onlyTheWakeUpsMissingAreSentAndNoneForFreshJobs() {
        QueueEngine engine = new QueueEngine();
        for (int i = 0; i < 5; i++) {
            engine.queue.push(QUEUE, "any", "{}", null);
        }
        engine.wakeUps.clear();

        engine.sweeper.sweep();
        assertThat(engine.wakeUps).as("jobs younger than queue.redispatch_after still have their own").isEmpty();

        engine.store.advance(Duration.ofSeconds(3));
        engine.inFlight = 2;
        engine.sweeper.sweep();
        assertThat(engine.wakeUps).containsExactly(new QueueEngine.WakeUp(QUEUE, 3, Duration.ZERO));
    }

    @Test
    void aSweepDuringAnOutageFailsQuietlyAndTheNextOneCatchesUp() {
        QueueEngine engine = new QueueEngine();
        engine.queue.push(QUEUE, "any", "{}", null);
        engine.store.claim(QUEUE, UUID.randomUUID(), 1, 1);
        engine.store.advance(Duration.ofSeconds(10));
        engine.store.failWith(new IllegalStateException("job store: closed", new java.sql.SQLException("This connection has been closed.", "08003")));

        ScheduledTask timer = new ScheduledTask(engine.sweeper);
        timer.run();
        assertThat(engine.store.rows.values().iterator().next().running).isTrue();

        engine.store.failWith(null);
        timer.run();
        assertThat(engine.store.rows.values().iterator().next().running).isFalse();
    }
}
