package dev.tusk.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that cannot be read (malformed multipart, nesting past the parser's limit, a body
 * shorter than its Content-Length that the read timeout ends) is the client's mistake: answered
 * 400, logged at FINE once without a trace, never an internal error.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class UnreadableBodyInterceptor implements ReaderInterceptor {
    private static final Logger LOG = Logger.getLogger(UnreadableBodyInterceptor.class.getName());
    public static final String MESSAGE = "the request body cannot be read: it is malformed, or shorter than its Content-Length";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException | ProcessingException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, () -> "unreadable request body: " + e);
            throw new BadRequestException(MESSAGE);
        }
    }
}
