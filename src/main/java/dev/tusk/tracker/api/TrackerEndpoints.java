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

    @Inject AnnounceService announces;
    @Inject ScrapeService scrapes;
    @Inject TrackerSettings settings;
    @Inject TrackerReplies replies;

    /**
     * A request's query string parsed once, for both the decision where to answer it and the
     * answer; a malformed one keeps its failure for the answer to report.
     */
    public static final class Query {
        private final RawQuery parsed;
        private final RuntimeException malformed;

        private Query(RawQuery parsed, RuntimeException malformed) {
            this.parsed = parsed;
            this.malformed = malformed;
        }

        public static Query of(String queryString) {
            try {
                return new Query(RawQuery.parse(queryString), null);
            } catch (RuntimeException e) {
                return new Query(null, e);
            }
        }

        RawQuery get() {
            if (malformed != null) {
                throw malformed;
            }
            return parsed;
        }
    }

    /**
     * @param remoteAddress the socket's peer address, as text
     * @param headers       a request header's value by name, null when absent
     */
    public byte[] announce(String queryString, String remoteAddress, UnaryOperator<String> headers) {
        return announce(Query.of(queryString), remoteAddress, headers);
    }

    public byte[] announce(Query parsed, String remoteAddress, UnaryOperator<String> headers) {
        return replies.answer("announce", () -> {
            RawQuery query = parsed.get();
            AnnounceRequest request = AnnounceParameters.parse(query, ClientAddresses.of(remoteAddress, headers, settings), settings);
            AnnounceResult result = announces.announce(request);
            AnnounceParameters.ReplyForm form = AnnounceParameters.ReplyForm.of(query);
            return AnnounceResponses.encode(result.swarm().seeders(), result.swarm().leechers(),
                    result.interval().toSeconds(), result.minInterval().toSeconds(), result.peers(), form.compact(), form.noPeerId());
        });
    }

    /**
     * Whether the request can be answered without a store round trip (so on an I/O thread): its
     * swarms in memory and their approval known, or a request that will be refused anyway.
     */
    public boolean answersFromMemory(Query parsed, boolean announce) {
        try {
            RawQuery query = parsed.get();
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
        return scrape(Query.of(queryString));
    }

    public byte[] scrape(Query parsed) {
        return replies.answer("scrape", () -> {
            List<InfoHash> hashes = parsed.get().all("info_hash").stream()
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
