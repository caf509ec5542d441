package dev.tusk.tracker.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /announce} (BEP 3, 7, 23). Clients are answered by {@link TrackerFastPath} in front
 * of the servlet chain; this resource documents the endpoint (OpenAPI) and answers the same
 * should the fast path be bypassed.
 */
@Path("announce")
@RequestScoped
public class AnnounceResource {

    @Inject TrackerEndpoints endpoints;
    @Context HttpServletRequest http;

    @GET
    public Response announce() {
        return TrackerFastPath.bencoded(endpoints.announce(http.getQueryString(), http.getRemoteAddr(), http::getHeader));
    }
}
