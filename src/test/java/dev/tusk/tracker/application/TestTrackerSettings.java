package dev.tusk.tracker.application;

import dev.tusk.platform.config.GoDuration;
/** The tracker's settings at their defaults, for unit tests (what microprofile-config.properties sets). */
final class TestTrackerSettings {
    private TestTrackerSettings() {
    }

    static TrackerSettings withFlushBatch(int flushBatch) {
        TrackerSettings settings = new TrackerSettings();
        settings.approvalMode = "off";
        settings.approvalContext = "MW_APPROVAL";
        settings.announceInterval = GoDuration.parse("30m");
        settings.minAnnounceInterval = GoDuration.parse("15m");
        settings.peerLifetime = GoDuration.parse("31m");
        settings.gcInterval = GoDuration.parse("3m");
        settings.reportingInterval = GoDuration.parse("1s");
        settings.maxScrapeInfoHashes = 50;
        settings.flushInterval = GoDuration.parse("100ms");
        settings.refreshInterval = GoDuration.parse("2s");
        settings.flushBatch = flushBatch;
        settings.writeBufferCapacity = 1_000_000;
        settings.cacheMaxSwarms = 1_000_000;
        settings.cacheMaxPeers = 4_000_000;
        settings.parse();
        return settings;
    }
}
