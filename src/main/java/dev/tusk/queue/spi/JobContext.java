package dev.tusk.queue.spi;

/** What a running handler sees: its job, and whether it still holds the job's lease. */
public interface JobContext {

    Job job();

    /** True once a heartbeat found the job taken away (requeued as stale, or deleted). */
    boolean leaseLost();

    /** @throws LeaseLostException when the lease is lost; long handlers call it between steps */
    default void checkLease() {
        if (leaseLost()) {
            throw new LeaseLostException(job().id());
        }
    }
}
