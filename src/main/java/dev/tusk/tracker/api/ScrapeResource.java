package dev.tusk.tracker.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code GET /scrape} (BEP 48): {@code files} keyed by raw info hash; see {@link AnnounceResource}. */
@Path("scrape")
@RequestScoped
public class ScrapeResource {

    @Inject TrackerEndpoints endpoints;
    @Context HttpServletRequest http;

    @GET
    public Response scrape() {
        return TrackerFastPath.bencoded(endpoints.scrape(http.getQueryString()));
    }
}
