package dev.tusk.tracker.api;

import dev.tusk.tracker.api.wire.Bencode;
import dev.tusk.tracker.api.wire.MalformedQueryException;
import dev.tusk.tracker.application.TrackerRefusal;
import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a tracker request and answers in the protocol's own form: the bencoded body, or HTTP 200
 * with a bencoded {@code failure reason} for anything that went wrong (over UDP an error
 * packet), never a stack trace.
 */
@ApplicationScoped
public class TrackerReplies {
    static final String STORE_UNAVAILABLE = "tracker storage is unavailable, try again later";
    static final String INTERNAL_ERROR = "internal tracker error";
    private static final Logger LOG = Logger.getLogger(TrackerReplies.class.getName());

    @Inject TrackerRequestMetrics metrics;

    /** The bencoded body (HTTP 200 text/plain) of a tracker request, or of its failure. */
    public byte[] answer(String action, Supplier<byte[]> handler) {
        return answer(TrackerRequestMetrics.Protocol.HTTP, action, handler, Bencode::failure);
    }

    /**
     * A tracker request's answer, or the protocol's failure for the reason the client is told.
     *
     * @param failure the answer that tells a client why its request failed
     */
    public <T> T answer(TrackerRequestMetrics.Protocol protocol, String action, Supplier<T> handler,
            Function<String, T> failure) {
        long started = System.nanoTime();
        try {
            T body = handler.get();
            metrics.record(protocol, action, TrackerRequestMetrics.Outcome.OK, started);
            return body;
        } catch (RuntimeException e) {
            Throwable cause = explanation(e);
            if (cause instanceof TrackerRefusal || cause instanceof MalformedQueryException) {
                metrics.record(protocol, action, TrackerRequestMetrics.Outcome.REFUSED, started);
                return failure.apply(cause.getMessage());
            }
            metrics.record(protocol, action, TrackerRequestMetrics.Outcome.ERROR, started);
            if (cause instanceof StoreUnavailableException) {
                LOG.log(Level.WARNING, "{0} failed: {1}", new Object[] {action, cause.getMessage()});
                return failure.apply(STORE_UNAVAILABLE);
            }
            LOG.log(Level.SEVERE, action + " failed", e);
            return failure.apply(INTERNAL_ERROR);
        }
    }

    /** Interceptors (transactions) may wrap the exception that explains a failure. */
    private static Throwable explanation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TrackerRefusal || t instanceof MalformedQueryException
                    || t instanceof StoreUnavailableException) {
                return t;
            }
        }
        return e;
    }
}
