package dev.tusk.tracker.application;

/** The tracker's settings at their defaults, for unit tests (what microprofile-config.properties sets). */
final class TestTrackerSettings {
    private TestTrackerSettings() {
    }

    static TrackerSettings withFlushBatch(int flushBatch) {
        TrackerSettings settings = new TrackerSettings();
        settings.approvalMode = "off";
        settings.approvalContext = "MW_APPROVAL";
        settings.announceInterval = "30m";
        settings.minAnnounceInterval = "15m";
        settings.peerLifetime = "31m";
        settings.gcInterval = "3m";
        settings.reportingInterval = "1s";
        settings.maxScrapeInfoHashes = 50;
        settings.flushInterval = "100ms";
        settings.refreshInterval = "2s";
        settings.flushBatch = flushBatch;
        settings.writeBufferCapacity = 1_000_000;
        settings.cacheMaxSwarms = 1_000_000;
        settings.cacheMaxPeers = 4_000_000;
        settings.parse();
        return settings;
    }
}
