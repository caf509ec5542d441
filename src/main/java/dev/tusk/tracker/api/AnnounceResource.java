package dev.tusk.tracker.api;

import dev.tusk.tracker.api.wire.AnnounceResponses;
import dev.tusk.tracker.api.wire.RawQuery;
import dev.tusk.tracker.application.AnnounceRequest;
import dev.tusk.tracker.application.AnnounceResult;
import dev.tusk.tracker.application.AnnounceService;
import dev.tusk.tracker.application.TrackerSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code GET /announce} (BEP 3, 7, 23). */
@Path("announce")
@RequestScoped
public class AnnounceResource {

    @Inject
    AnnounceService announces;
    @Inject
    TrackerSettings settings;
    @Inject
    TrackerReplies replies;
    @Context
    HttpServletRequest http;

    @GET
    public Response announce() {
        return replies.reply("announce", () -> {
            RawQuery query = RawQuery.parse(http.getQueryString());
            AnnounceRequest request = AnnounceParameters.parse(query, ClientAddresses.of(http, settings), settings);
            AnnounceResult result = announces.announce(request);
            boolean compact = !"0".equals(query.text("compact").orElse("1"));
            boolean noPeerId = "1".equals(query.text("no_peer_id").orElse("0"));
            return AnnounceResponses.encode(result.swarm().seeders(), result.swarm().leechers(),
                    result.interval().toSeconds(), result.minInterval().toSeconds(), result.peers(), compact, noPeerId);
        });
    }
}
