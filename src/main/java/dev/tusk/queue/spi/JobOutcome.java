package dev.tusk.queue.spi;

/** How a handler ended a job: done, worth another try later, or never worth running again. */
public enum JobOutcome {
    SUCCESS, RETRY, ABORT
}
