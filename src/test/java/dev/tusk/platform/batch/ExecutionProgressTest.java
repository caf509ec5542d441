package dev.tusk.platform.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionProgressTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static BatchJobs.StepView step(String name, String status, long read) {
        return new BatchJobs.StepView(name, status, status, START, null, Map.of("readCount", read), null);
    }

    @Test
    void aRunningExecutionCountsItsCompletedStepsItemsRateAndTimeLeft() {
        ExecutionProgress p = ExecutionProgress.of("STARTED", 3,
                List.of(step("swarms", "COMPLETED", 600), step("downloads", "STARTED", 400)), START, null, START.plusSeconds(10));

        assertThat(p.fraction()).isEqualTo(1.0 / 3);
        assertThat(p.stepsCompleted()).isEqualTo(1);
        assertThat(p.itemsRead()).isEqualTo(1000);
        assertThat(p.itemsPerSecond()).isEqualTo(100.0);
        assertThat(p.secondsLeft()).isEqualTo(20L);
    }

    @Test
    void aStepWhoseItemsWereCountedAddsTheShareItHasRead() {
        BatchJobs.StepView files = new BatchJobs.StepView("files", "STARTED", null, START, null, Map.of("readCount", 300L), 1200L);
        ExecutionProgress p = ExecutionProgress.of("STARTED", 2, List.of(files), START, null, START.plusSeconds(5));

        assertThat(p.fraction()).isEqualTo(0.125);
        assertThat(p.secondsLeft()).isEqualTo(35L);
    }

    @Test
    void aCompletedExecutionIsWholeAndHasNoTimeLeft() {
        ExecutionProgress p = ExecutionProgress.of("COMPLETED", 3, List.of(step("swarms", "COMPLETED", 5)), START, START.plusSeconds(5),
                START.plusSeconds(60));

        assertThat(p.fraction()).isEqualTo(1.0);
        assertThat(p.stepsCompleted()).isEqualTo(3);
        assertThat(p.itemsPerSecond()).isEqualTo(1.0);
        assertThat(p.secondsLeft()).isNull();
    }

    @Test
    void aFailedExecutionStaysWhereItStopped() {
        ExecutionProgress p = ExecutionProgress.of("FAILED", 2, List.of(step("a", "COMPLETED", 1), step("b", "FAILED", 1)), START,
                START.plusSeconds(2), START.plusSeconds(9));

        assertThat(p.fraction()).isEqualTo(0.5);
        assertThat(p.secondsLeft()).isNull();
    }
}
