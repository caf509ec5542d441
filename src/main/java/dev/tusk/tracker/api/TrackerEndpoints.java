package dev.tusk.tracker.api;

import dev.tusk.tracker.api.wire.AnnounceResponses;
import dev.tusk.tracker.api.wire.Bencode;
import dev.tusk.tracker.api.wire.RawQuery;
import dev.tusk.tracker.application.AnnounceRequest;
import dev.tusk.tracker.application.AnnounceResult;
import dev.tusk.tracker.application.AnnounceService;
import dev.tusk.tracker.application.ScrapeService;
import dev.tusk.tracker.application.TrackerSettings;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Announce and scrape from a raw query string to a bencoded body, whichever HTTP path the request
 * came by: the lean Undertow handler ({@link TrackerFastPath}) or the JAX-RS resources.
 */
@ApplicationScoped
public class TrackerEndpoints {

    @Inject
    AnnounceService announces;
    @Inject
    ScrapeService scrapes;
    @Inject
    TrackerSettings settings;
    @Inject
    TrackerReplies replies;

    /**
     * @param remoteAddress the socket's peer address, as text
     * @param headers       a request header's value by name, null when absent
     */
    public byte[] announce(String queryString, String remoteAddress, UnaryOperator<String> headers) {
        return replies.answer("announce", () -> {
            RawQuery query = RawQuery.parse(queryString);
            AnnounceRequest request = AnnounceParameters.parse(query, ClientAddresses.of(remoteAddress, headers, settings), settings);
            AnnounceResult result = announces.announce(request);
            boolean compact = !"0".equals(query.text("compact").orElse("1"));
            boolean noPeerId = "1".equals(query.text("no_peer_id").orElse("0"));
            return AnnounceResponses.encode(result.swarm().seeders(), result.swarm().leechers(),
                    result.interval().toSeconds(), result.minInterval().toSeconds(), result.peers(), compact, noPeerId);
        });
    }

    /**
     * Whether the request can be answered without a store round trip (so on an I/O thread): its
     * swarms in memory and their approval known, or a request that will be refused anyway.
     */
    public boolean answersFromMemory(String queryString, boolean announce) {
        try {
            RawQuery query = RawQuery.parse(queryString);
            if (announce) {
                Optional<byte[]> hash = query.bytes("info_hash");
                return hash.isEmpty() || announces.answersFromMemory(AnnounceParameters.infoHash(hash.get()));
            }
            return scrapes.answersFromMemory(query.all("info_hash").stream().map(AnnounceParameters::infoHash).toList());
        } catch (RuntimeException e) {
            return true; // malformed: refused without the store
        }
    }

    public byte[] scrape(String queryString) {
        return replies.answer("scrape", () -> {
            List<InfoHash> hashes = RawQuery.parse(queryString).all("info_hash").stream()
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
