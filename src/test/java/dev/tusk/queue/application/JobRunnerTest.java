package dev.tusk.queue.application;

import static dev.tusk.queue.application.QueueEngine.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The engine's runner over the in-memory store: claims, completion, retries and back-off, leases, outages. */
class JobRunnerTest {

    /** A handler of type {@code type} that records each job it runs and answers what {@code outcome} says. */
    static final class Recording implements JobHandler {
        final String type;
        final Function<JobContext, JobOutcome> outcome;
        final List<String> ran = new ArrayList<>();
        final List<String> failedForGood = new ArrayList<>();

        Recording(String type, Function<JobContext, JobOutcome> outcome) {
            this.type = type;
            this.outcome = outcome;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public JobOutcome run(JobContext context) {
            ran.add(context.job().arguments());
            return outcome.apply(context);
        }

        @Override
        public void failedForGood(Job job, String reason) {
            failedForGood.add(reason);
        }
    }

    private static Recording succeeding() {
        return succeedingHandler("ok");
    }

    static Recording succeedingHandler(String type) {
        return new Recording(type, c -> JobOutcome.SUCCESS);
    }

    @Test
    void aWakeUpRunsEveryRunnableJobOnceOldestFirst() {
        Recording handler = succeeding();
        QueueEngine engine = new QueueEngine(handler);
        for (int i = 0; i < 5; i++) {
            engine.queue.push(QUEUE, "ok", "{\"n\":" + i + "}", null);
        }

        engine.runner.wakeUp(QUEUE);

        assertThat(handler.ran).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        assertThat(engine.store.rows).isEmpty();
        assertThat(engine.jobs("succeeded")).isEqualTo(5);
        assertThat(engine.jobs("pushed")).isEqualTo(5);
        assertThat(engine.wakeUps).as("one immediate wake-up per push, none after the queue ran dry")
                .hasSize(5).allMatch(w -> w.delay().isZero());
    }

    @Test
    void aUniqueKeyQueuedOrRunningIsNotQueuedTwice() {
        QueueEngine engine = new QueueEngine(succeeding());

        assertThat(engine.queue.push(QUEUE, "ok", "{}", "only-one")).isEqualTo(dev.tusk.queue.spi.JobQueue.Pushed.QUEUED);
        assertThat(engine.queue.push(QUEUE, "ok", "{}", "only-one")).isEqualTo(dev.tusk.queue.spi.JobQueue.Pushed.ALREADY_QUEUED);
        engine.runner.wakeUp(QUEUE);
        assertThat(engine.queue.push(QUEUE, "ok", "{}", "only-one")).as("once it ran, the key is free").isEqualTo(dev.tusk.queue.spi.JobQueue.Pushed.QUEUED);
        assertThatThrownBy(() -> engine.queue.push("nowhere", "ok", "{}", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown job queue 'nowhere'");
    }

    /** The first claim takes one job, the next ones the backlog's share of each worker up to the batch, until the per-wake-up limit. */
    @Test
    void claimsGrowWithTheBacklogUpToTheBatchAndStopAtTheWakeUpLimit() {
        QueueEngine engine = new QueueEngine(succeeding());
        List<Integer> claims = new ArrayList<>();
        JobStore counting = new ForwardingJobStore(engine.store) {
            @Override
            public Claimed claim(String queue, UUID worker, int most, int countUpTo) {
                claims.add(most);
                return super.claim(queue, worker, most, countUpTo);
            }
        };
        engine.runner.store = counting;
        for (int i = 0; i < 40; i++) {
            engine.queue.push(QUEUE, "ok", "{}", null);
        }
        engine.wakeUps.clear();

        engine.runner.wakeUp(QUEUE);

        assertThat(claims).containsExactly(1, 8, 8, 8, 7);
        assertThat(engine.jobs("succeeded")).isEqualTo(32);
        assertThat(engine.store.rows).hasSize(8);
        assertThat(engine.wakeUps).as("stopped at the limit: the next wake-up carries on")
                .containsExactly(new QueueEngine.WakeUp(QUEUE, 1, Duration.ZERO));
    }

    @Test
    void aFailingJobIsRetriedAfterItsBackOffThenKeptAsFailedWithItsLastError() {
        Recording handler = new Recording("boom", c -> {
            throw new IllegalStateException("boom " + c.job().attempt());
        });
        QueueEngine engine = new QueueEngine(handler);
        engine.queue.push(QUEUE, "boom", "{}", null);
        engine.wakeUps.clear();

        engine.runner.wakeUp(QUEUE);
        InMemoryJobStore.Row row = engine.store.rows.values().iterator().next();
        Duration first = Duration.between(engine.store.now, row.runAfter);
        assertThat(first).as("base 2 s +-20 %").isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(engine.wakeUps).as("a wake-up delayed by the back-off").containsExactly(new QueueEngine.WakeUp(QUEUE, 1, first));
        assertThat(row.lastError).isEqualTo("IllegalStateException: boom 1");

        engine.runner.wakeUp(QUEUE);
        assertThat(handler.ran).as("not runnable before its back-off is over").hasSize(1);

        engine.store.advance(Duration.ofMillis(2500));
        engine.runner.wakeUp(QUEUE);
        Duration second = Duration.between(engine.store.now, row.runAfter);
        assertThat(second).as("base x 2").isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));

        engine.store.advance(Duration.ofSeconds(5));
        engine.runner.wakeUp(QUEUE);
        assertThat(handler.ran).hasSize(3);
        assertThat(engine.store.rows).isEmpty();
        assertThat(engine.store.failed).hasSize(1);
        assertThat(engine.store.failed.values().iterator().next().lastError).isEqualTo("IllegalStateException: boom 3");
        assertThat(handler.failedForGood).containsExactly("IllegalStateException: boom 3");
        assertThat(engine.jobs("retried")).isEqualTo(3);
        assertThat(engine.jobs("failed")).isEqualTo(1);
        engine.sweeper.sweep();
        assertThat(engine.registry.find("tusk.queue.length").tag("queue", QUEUE).tag("status", "failed").gauge().value())
                .as("the failed record counted per queue").isEqualTo(1);
    }

    @Test
    void retryCountsAsAFailedAttemptAndAbortEndsTheJobWithoutOne() {
        Recording retry = new Recording("retry", c -> JobOutcome.RETRY);
        Recording abort = new Recording("abort", c -> JobOutcome.ABORT);
        QueueEngine engine = new QueueEngine(retry, abort);
        engine.queue.push(QUEUE, "retry", "{}", null);
        engine.queue.push(QUEUE, "abort", "{}", null);

        engine.runner.wakeUp(QUEUE);

        assertThat(engine.store.rows).hasSize(1);
        InMemoryJobStore.Row left = engine.store.rows.values().iterator().next();
        assertThat(left.type).isEqualTo("retry");
        assertThat(left.retry).isEqualTo(2);
        assertThat(left.lastError).isEqualTo("the handler asked for a retry");
        assertThat(engine.jobs("aborted")).isEqualTo(1);
    }

    @Test
    void aJobWithoutAHandlerFailsLikeAnyOther() {
        QueueEngine engine = new QueueEngine();
        engine.queue.push(QUEUE, "nobody", "{}", null);

        engine.runner.wakeUp(QUEUE);

        assertThat(engine.store.rows.values().iterator().next().lastError).contains("no handler for job type nobody");
    }

    /** A job taken away while it runs (requeued by a sweep elsewhere): its work does not count, and it runs again. */
    @Test
    void aLostLeaseRollsTheAttemptBackWithoutCountingAFailure() {
        QueueEngine engine = new QueueEngine();
        List<Boolean> lostAtTheEnd = new ArrayList<>();
        engine.handlers.register(new Recording("slow", c -> {
            if (c.job().attempt() == 1) {
                engine.store.takeAway(c.job().id());
                engine.leases.beat();
            }
            lostAtTheEnd.add(c.leaseLost());
            return JobOutcome.SUCCESS;
        }));
        engine.queue.push(QUEUE, "slow", "{}", null);

        engine.runner.drain(QUEUE);

        assertThat(lostAtTheEnd).as("the heartbeat found the first attempt's job gone").containsExactly(true, false);
        assertThat(engine.jobs("lease_lost")).isEqualTo(1);
        assertThat(engine.jobs("succeeded")).isEqualTo(1);
        assertThat(engine.jobs("retried")).as("a lost lease is no failed attempt").isZero();
        assertThat(engine.store.rows).isEmpty();
        assertThat(engine.store.failed).isEmpty();
    }

    @Test
    void aLeaseCheckedBetweenStepsStopsTheHandler() {
        QueueEngine engine = new QueueEngine();
        List<String> steps = new ArrayList<>();
        engine.handlers.register(new Recording("steps", c -> {
            steps.add("first of attempt " + c.job().attempt());
            if (c.job().attempt() == 1) {
                engine.store.takeAway(c.job().id());
                engine.leases.beat();
            }
            c.checkLease();
            steps.add("second of attempt " + c.job().attempt());
            return JobOutcome.SUCCESS;
        }));
        engine.queue.push(QUEUE, "steps", "{}", null);

        engine.runner.drain(QUEUE);

        assertThat(steps).containsExactly("first of attempt 1", "first of attempt 2", "second of attempt 2");
        assertThat(engine.jobs("lease_lost")).isEqualTo(1);
    }

    @Test
    void aWakeUpDuringADatabaseOutageIsDroppedAndAnyOtherFailureIsThrownForRedelivery() {
        QueueEngine engine = new QueueEngine(succeeding());
        engine.queue.push(QUEUE, "ok", "{}", null);

        engine.store.failWith(new IllegalStateException("job store: Connection refused", new ConnectException("Connection refused")));
        engine.runner.wakeUp(QUEUE);
        engine.store.failWith(new IllegalStateException("a bug"));
        assertThatThrownBy(() -> engine.runner.wakeUp(QUEUE)).hasMessage("a bug");

        engine.store.failWith(null);
        engine.runner.wakeUp(QUEUE);
        assertThat(engine.store.rows).as("the job waited for the database, and ran once it was back").isEmpty();
    }
}
