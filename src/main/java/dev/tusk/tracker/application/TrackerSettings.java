package dev.tusk.tracker.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tracker's settings (MicroProfile Config, defaults in microprofile-config.properties).
 * Dependent, not application-scoped: read once per bean that injects them, and asked several times
 * an announce without a client proxy's work (Weld's interception context on every call).
 */
@Dependent
public class TrackerSettings {

    /** What the approval list in the data store means. */
    public enum ApprovalMode { OFF, WHITELIST, BLACKLIST }

    @Inject @ConfigProperty(name = "tracker.announce_interval") Duration announceInterval;
    @Inject @ConfigProperty(name = "tracker.min_announce_interval") Duration minAnnounceInterval;
    @Inject @ConfigProperty(name = "tracker.default_numwant") int defaultNumWant;
    @Inject @ConfigProperty(name = "tracker.max_numwant") int maxNumWant;
    @Inject @ConfigProperty(name = "tracker.max_scrape_infohashes") int maxScrapeInfoHashes;
    @Inject @ConfigProperty(name = "tracker.allow_ip_spoofing") boolean allowIpSpoofing;
    @Inject @ConfigProperty(name = "tracker.real_ip_header") Optional<String> realIpHeader;
    @Inject @ConfigProperty(name = "tracker.peer_lifetime") Duration peerLifetime;
    @Inject @ConfigProperty(name = "tracker.gc_interval") Duration gcInterval;
    @Inject @ConfigProperty(name = "tracker.prometheus_reporting_interval") Duration reportingInterval;
    @Inject @ConfigProperty(name = "tracker.approval.mode") String approvalMode;
    @Inject @ConfigProperty(name = "tracker.approval.storage_ctx") String approvalContext;

    @Inject @ConfigProperty(name = "tracker.flush_interval") Duration flushInterval;
    @Inject @ConfigProperty(name = "tracker.flush_batch") int flushBatch;
    @Inject @ConfigProperty(name = "tracker.write_buffer_capacity") int writeBufferCapacity;
    @Inject @ConfigProperty(name = "tracker.refresh_interval") Duration refreshInterval;
    @Inject @ConfigProperty(name = "tracker.cache.max_swarms") int cacheMaxSwarms;
    @Inject @ConfigProperty(name = "tracker.cache.max_peers") long cacheMaxPeers;
    @Inject @ConfigProperty(name = "tracker.cache.preload") boolean cachePreload;

    private ApprovalMode approval;

    /** Parsed once, so that a wrong value stops the deployment with the key's name. */
    @PostConstruct
    void parse() {
        positive("tracker.announce_interval", announceInterval);
        positive("tracker.min_announce_interval", minAnnounceInterval);
        positive("tracker.peer_lifetime", peerLifetime);
        positive("tracker.gc_interval", gcInterval);
        positive("tracker.prometheus_reporting_interval", reportingInterval);
        positive("tracker.flush_interval", flushInterval);
        positive("tracker.refresh_interval", refreshInterval);
        if (flushBatch < 1 || writeBufferCapacity < flushBatch || cacheMaxSwarms < 1 || cacheMaxPeers < 1) {
            throw new IllegalStateException("tracker.flush_batch, tracker.cache.max_swarms and tracker.cache.max_peers must be"
                    + " at least 1, and tracker.write_buffer_capacity at least tracker.flush_batch");
        }
        try {
            approval = ApprovalMode.valueOf(approvalMode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tracker.approval.mode is off, whitelist or blacklist, not " + approvalMode);
        }
        if (defaultNumWant < 0 || maxNumWant < 0 || maxScrapeInfoHashes < 1) {
            throw new IllegalStateException("tracker numwant and scrape limits must not be negative");
        }
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(key + " must be positive, not " + value);
        }
    }

    public Duration announceInterval() {
        return announceInterval;
    }

    public Duration minAnnounceInterval() {
        return minAnnounceInterval;
    }

    public int defaultNumWant() {
        return defaultNumWant;
    }

    public int maxNumWant() {
        return maxNumWant;
    }

    public int maxScrapeInfoHashes() {
        return maxScrapeInfoHashes;
    }

    public boolean allowIpSpoofing() {
        return allowIpSpoofing;
    }

    /** Empty when clients connect directly. */
    public String realIpHeader() {
        return realIpHeader.map(String::trim).orElse("");
    }

    public Duration peerLifetime() {
        return peerLifetime;
    }

    public Duration gcInterval() {
        return gcInterval;
    }

    public Duration reportingInterval() {
        return reportingInterval;
    }

    /** How long an announce may wait in the write-behind buffer before the store has it. */
    public Duration flushInterval() {
        return flushInterval;
    }

    /** How many peers' writes a flush takes at most, and how many pending start one early. */
    public int flushBatch() {
        return flushBatch;
    }

    public int writeBufferCapacity() {
        return writeBufferCapacity;
    }

    /** How soon peers other nodes wrote to the store appear in this node's replies. */
    public Duration refreshInterval() {
        return refreshInterval;
    }

    public int cacheMaxSwarms() {
        return cacheMaxSwarms;
    }

    public long cacheMaxPeers() {
        return cacheMaxPeers;
    }

    /** Whether the cache reads the store's swarms at start (up to its bounds). */
    public boolean cachePreload() {
        return cachePreload;
    }

    public ApprovalMode approvalMode() {
        return approval;
    }

    public String approvalContext() {
        return approvalContext;
    }
}
