package dev.tusk.tracker.application;

import dev.tusk.platform.config.AtLeastOne;
import dev.tusk.platform.config.AtLeastOneLong;
import dev.tusk.platform.config.NotNegative;
import dev.tusk.platform.config.PositiveDuration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * The tracker's settings: {@code tracker.*} by method name in snake case unless named (MoChi's
 * keys), defaults in microprofile-config.properties; a wrong value stops the deployment with the
 * key's name. An injected mapping is a plain object: asked several times an announce, it costs no
 * proxy call.
 */
@ConfigMapping(prefix = "tracker", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface TrackerSettings {

    /** What the approval list in the data store means. */
    enum ApprovalMode { OFF, WHITELIST, BLACKLIST }

    /** An approval mode in any case, as MoChi reads it. */
    class ApprovalModes implements Converter<ApprovalMode> {
        @Override
        public ApprovalMode convert(String value) {
            try {
                return ApprovalMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the mode is off, whitelist or blacklist, not " + value);
            }
        }
    }

    @WithConverter(PositiveDuration.class) Duration announceInterval();

    @WithConverter(PositiveDuration.class) Duration minAnnounceInterval();

    @WithName("default_numwant") @WithConverter(NotNegative.class) int defaultNumWant();

    @WithName("max_numwant") @WithConverter(NotNegative.class) int maxNumWant();

    @WithName("max_scrape_infohashes") @WithConverter(AtLeastOne.class) int maxScrapeInfoHashes();

    boolean allowIpSpoofing();

    @WithName("real_ip_header") Optional<String> realIpHeaderSetting();

    /** The header that carries the client's address behind a proxy; empty when clients connect directly. */
    default String realIpHeader() {
        return realIpHeaderSetting().map(String::trim).orElse("");
    }

    @WithConverter(PositiveDuration.class) Duration peerLifetime();

    @WithConverter(PositiveDuration.class) Duration gcInterval();

    @WithName("prometheus_reporting_interval") @WithConverter(PositiveDuration.class) Duration reportingInterval();

    /** How long an announce may wait in the write-behind buffer before the store has it. */
    @WithConverter(PositiveDuration.class) Duration flushInterval();

    /** How many peers' writes a flush takes at most, and how many pending start one early. */
    @WithConverter(AtLeastOne.class) int flushBatch();

    /** Peers pending at most (an outage); at least {@link #flushBatch()}, which the write-behind checks. */
    @WithConverter(AtLeastOne.class) int writeBufferCapacity();

    /** How soon peers other nodes wrote to the store appear in this node's replies. */
    @WithConverter(PositiveDuration.class) Duration refreshInterval();

    Cache cache();

    Approval approval();

    /** {@code tracker.cache.*}: the swarm cache's bounds. */
    interface Cache {
        @WithConverter(AtLeastOne.class) int maxSwarms();

        @WithConverter(AtLeastOneLong.class) long maxPeers();

        /** Whether the cache reads the store's swarms at start (up to its bounds). */
        boolean preload();
    }

    /** {@code tracker.approval.*}: MoChi's torrent approval middleware. */
    interface Approval {
        @WithConverter(ApprovalModes.class) ApprovalMode mode();

        /** The data store context that holds the list. */
        String storageCtx();
    }
}
