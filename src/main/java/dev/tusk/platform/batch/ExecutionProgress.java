package dev.tusk.platform.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far an execution has got: its completed steps, plus the share of its items a step that
 * runs has read when its job counted them first, over its steps (1 once the execution has
 * completed); the items its chunk steps have read so far, their rate, and, while it runs, the
 * time left at that pace.
 *
 * @param secondsLeft null unless the execution runs and has completed a step
 */
public record ExecutionProgress(double fraction, int stepsCompleted, int steps, long itemsRead, double itemsPerSecond, Long secondsLeft) {

    static ExecutionProgress of(String batchStatus, int declaredSteps, List<BatchJobs.StepView> stepViews, Instant started, Instant ended, Instant now) {
        int steps = Math.max(declaredSteps, stepViews.size());
        int completed = (int) stepViews.stream().filter(s -> "COMPLETED".equals(s.batchStatus())).count();
        long read = stepViews.stream().mapToLong(s -> s.metrics().getOrDefault("readCount", 0L)).sum();
        boolean done = "COMPLETED".equals(batchStatus);
        double runningShare = stepViews.stream().filter(s -> !"COMPLETED".equals(s.batchStatus()) && s.items() != null && s.items() > 0)
                .mapToDouble(s -> Math.min(1, (double) s.metrics().getOrDefault("readCount", 0L) / s.items())).sum();
        double fraction = done ? 1 : steps == 0 ? 0 : Math.min(1, (completed + runningShare) / steps);
        double seconds = started == null ? 0 : Duration.between(started, ended != null ? ended : now).toMillis() / 1000.0;
        double rate = seconds > 0 ? read / seconds : 0;
        boolean running = "STARTED".equals(batchStatus) || "STARTING".equals(batchStatus);
        Long left = running && fraction > 0 && seconds > 0 ? Math.round(seconds * (1 - fraction) / fraction) : null;
        return new ExecutionProgress(fraction, done ? steps : completed, steps, read, rate, left);
    }
}
