package dev.tusk.queue.spi;

import java.util.UUID;

/** The job was taken away from this worker; whatever it did is rolled back. */
public class LeaseLostException extends RuntimeException {
    public LeaseLostException(UUID job) {
        super("lease lost on job " + job);
    }
}
