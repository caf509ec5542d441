package dev.tusk.tracker.application;

/**
 * The tracker refuses a request for a reason the client should see (bad parameters, an
 * unapproved torrent). Answered as a bencoded {@code failure reason}; nothing was written.
 */
public class TrackerRefusal extends RuntimeException {
    public TrackerRefusal(String reason) {
        super(reason, null, false, false);
    }
}
