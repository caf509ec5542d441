package dev.tusk.tracker.api;

import dev.tusk.tracker.application.CachedPeerStore;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmBrowser;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** One swarm as operators see it: its counts and its peers. */
@Path("api/admin/tracker/swarms")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SwarmAdminResource {

    /** A peer of the swarm. */
    public record PeerView(String peerId, String address, int port, boolean seeder, Instant lastSeen) {
    }

    /** The swarm. */
    public record SwarmView(String infoHash, long seeders, long leechers, long downloads, List<PeerView> peers) {
    }

    @Inject CachedPeerStore store;
    @Inject SwarmBrowser browser;

    @GET
    @Path("{infoHash}")
    public SwarmView swarm(@PathParam("infoHash") String hex,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(10000) int limit) {
        InfoHash infoHash = AdminInfoHashes.parse(hex);
        SwarmCounts counts = store.scrapeSwarm(infoHash);
        store.flush(); // the peers come from the store: first everything pending
        List<PeerView> peers = browser.peers(infoHash, limit).stream()
                .map(v -> new PeerView(HexFormat.of().formatHex(v.peer().id().bytes()),
                        v.peer().address().getHostAddress(), v.peer().port(), v.seeder(), v.lastSeen()))
                .toList();
        return new SwarmView(infoHash.hex(), counts.seeders(), counts.leechers(), counts.downloads(), peers);
    }
}
