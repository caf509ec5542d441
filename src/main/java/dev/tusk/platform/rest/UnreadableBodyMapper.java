package dev.tusk.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body that JSON Binding cannot read into the endpoint's request record: the client's
 * mistake, answered 400 without the parser's internals.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {
    @Override
    public Response toResponse(ProcessingException e) {
        return Problem.of(Response.Status.BAD_REQUEST, "the request body is not valid JSON for this endpoint").toResponse();
    }
}
