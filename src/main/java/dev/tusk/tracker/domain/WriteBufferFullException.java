package dev.tusk.tracker.domain;

/**
 * The write-behind buffer holds as many pending writes as it may (the store has been failing or
 * falling behind): the announce is refused before anything changes, and can be retried.
 */
public class WriteBufferFullException extends StoreUnavailableException {
    public WriteBufferFullException(int capacity) {
        super("the tracker's write-behind buffer is full (" + capacity + " pending peers): the store is not keeping up", null);
    }
}
