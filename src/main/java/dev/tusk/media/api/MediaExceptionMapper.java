package dev.tusk.media.api;

import dev.tusk.media.domain.MediaException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The media API's refusals in pict-rs's own form: {@code {"msg": ..., "code": ...}} with the status. */
@Provider
public class MediaExceptionMapper implements ExceptionMapper<MediaException> {
    @Override
    public Response toResponse(MediaException e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("msg", message).add("code", code).build().toString()).build();
    }
}
