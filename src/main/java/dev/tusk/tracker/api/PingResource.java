package dev.tusk.tracker.api;

import dev.tusk.platform.rest.Problem;
import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /ping}: 200 when the tracker's store answers, 503 when it does not. */
@Path("ping")
@RequestScoped
public class PingResource {

    @Inject StoreMaintenance store;

    @GET
    public Response ping() {
        try {
            store.ping();
            return Response.ok("OK", "text/plain").build();
        } catch (StoreUnavailableException e) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "tracker store unavailable").toResponse();
        }
    }
}
