package dev.tusk.platform.rest;

import dev.tusk.platform.persistence.DatabaseOutage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else is Tusk's fault: logged with an id, answered 500 with that id and no internals;
 * or, when Tusk's database is unreachable, a 503 that says so.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseOutage.causedBy(e)) {
            LOG.warning(() -> "Tusk's database is unavailable: " + e);
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                    "Tusk's database (PostgreSQL) is unavailable; try again shortly").toResponse()).header("Retry-After", 5).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unhandled error " + id, e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error, logged as " + id).toResponse();
    }
}
