package dev.tusk.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything else is Tusk's fault: logged with an id, answered with that id and no internals. */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error " + id, e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error, logged as " + id).toResponse();
    }
}
