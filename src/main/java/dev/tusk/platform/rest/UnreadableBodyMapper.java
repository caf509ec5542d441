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
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(UnreadableBodyMapper.class.getName());

    /** The same exception type reports a response that could not be written: the server's fault. */
    private static boolean whileWriting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (frame.getMethodName().equals("writeTo")) {
                    return true;
                }
                if (frame.getMethodName().equals("readFrom")) {
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    public Response toResponse(ProcessingException e) {
        if (whileWriting(e)) {
            LOG.log(java.util.logging.Level.SEVERE, "a response could not be written", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, null).toResponse();
        }
        return Problem.of(Response.Status.BAD_REQUEST, "the request body is not valid JSON for this endpoint").toResponse();
    }
}
