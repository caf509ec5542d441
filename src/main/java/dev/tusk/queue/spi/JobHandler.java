package dev.tusk.queue.spi;

/**
 * Runs the jobs of one type. Implementations are CDI beans, found by their type, or members of
 * a {@link JobHandlerGroup}. The handler
 * runs in a transaction that also completes the job: its database work commits only if the job
 * is done and the lease still held. An exception counts as {@link JobOutcome#RETRY}.
 */
public interface JobHandler {

    /** The {@code type} of the jobs it runs, unique among handlers. */
    String type();

    JobOutcome run(JobContext context) throws Exception;

    /**
     * The job ran out of attempts and is kept as failed: a last word for whoever waits on it,
     * in the same transaction as the move. Nothing by default.
     */
    default void failedForGood(Job job, String reason) {
    }

    /** What a handler does with a job, for handlers made by {@link #of}. */
    @FunctionalInterface
    interface Body {
        JobOutcome run(JobContext context) throws Exception;
    }

    /** A handler of {@code type} whose run is {@code body}, with no last word on failure. */
    static JobHandler of(String type, Body body) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public JobOutcome run(JobContext context) throws Exception {
                return body.run(context);
            }
        };
    }
}
