package dev.tusk.kv.api;

import dev.tusk.kv.domain.KvException;
import dev.tusk.platform.rest.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The KV store's refusals as problem bodies: 404, 400, or 503 when a shard instance is down. */
@Provider
public class KvExceptionMapper implements ExceptionMapper<KvException> {
    @Override
    public Response toResponse(KvException e) {
        Response.Status status = switch (e.reason()) {
            case UNKNOWN_NAMESPACE, NOT_FOUND -> Response.Status.NOT_FOUND;
            case BAD_REQUEST -> Response.Status.BAD_REQUEST;
            case UNAVAILABLE -> Response.Status.SERVICE_UNAVAILABLE;
        };
        return Problem.of(status, e.getMessage()).toResponse();
    }
}
