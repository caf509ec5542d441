package dev.tusk.tracker.api;

import dev.tusk.tracker.api.wire.Bencode;
import dev.tusk.tracker.api.wire.RawQuery;
import dev.tusk.tracker.application.ScrapeService;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /scrape} (BEP 48): {@code files} keyed by raw info hash. */
@Path("scrape")
@RequestScoped
public class ScrapeResource {

    @Inject
    ScrapeService scrapes;
    @Inject
    TrackerReplies replies;
    @Context
    HttpServletRequest http;

    @GET
    public Response scrape() {
        return replies.reply("scrape", () -> {
            List<InfoHash> hashes = RawQuery.parse(http.getQueryString()).all("info_hash").stream()
                    .map(AnnounceParameters::infoHash)
                    .toList();
            Map<byte[], Object> files = new HashMap<>();
            for (Map.Entry<InfoHash, SwarmCounts> e : scrapes.scrape(hashes).entrySet()) {
                SwarmCounts c = e.getValue();
                files.put(e.getKey().bytes(), Map.of("complete", c.seeders(), "downloaded", c.downloads(),
                        "incomplete", c.leechers()));
            }
            return Bencode.encode(Map.of("files", files));
        });
    }
}
