package dev.tusk.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (404, 405, 415...) as problem bodies. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = status.getFamily() == Response.Status.Family.SERVER_ERROR || isFrameworkMessage(e)
                ? null : e.getMessage();
        return Problem.of(status, detail).toResponse();
    }

    /** RESTEasy's own messages name its internals; the status says enough. */
    private static boolean isFrameworkMessage(WebApplicationException e) {
        return e.getMessage() == null || e.getMessage().startsWith("RESTEASY") || e.getMessage().startsWith("HTTP ");
    }
}
