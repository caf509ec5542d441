package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Swarm counts for up to {@code tracker.max_scrape_infohashes} hashes; unknown hashes count zero. */
@ApplicationScoped
public class ScrapeService {

    @Inject CachedPeerStore store;
    @Inject TrackerSettings settings;

    public Map<InfoHash, SwarmCounts> scrape(List<InfoHash> infoHashes) {
        if (infoHashes.isEmpty()) {
            throw new TrackerRefusal("info_hash is required");
        }
        if (infoHashes.size() > settings.maxScrapeInfoHashes()) {
            throw new TrackerRefusal("too many info hashes: at most " + settings.maxScrapeInfoHashes() + " a scrape");
        }
        return store.scrapeSwarms(infoHashes);
    }

    /** Whether a scrape of these swarms needs no store round trip (a refused one needs none). */
    public boolean answersFromMemory(List<InfoHash> infoHashes) {
        return infoHashes.isEmpty() || infoHashes.size() > settings.maxScrapeInfoHashes()
                || infoHashes.stream().allMatch(store::isInMemory);
    }
}
