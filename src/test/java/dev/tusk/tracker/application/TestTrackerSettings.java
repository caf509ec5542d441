package dev.tusk.tracker.application;

import dev.tusk.platform.config.TestSettings;

/** The tracker's settings at their defaults (microprofile-config.properties), for unit tests. */
final class TestTrackerSettings {
    private TestTrackerSettings() {
    }

    static TrackerSettings withFlushBatch(int flushBatch) {
        return TestSettings.of(TrackerSettings.class, "tracker.flush_batch", String.valueOf(flushBatch));
    }

    static TrackerSettings withApproval(String mode) {
        return TestSettings.of(TrackerSettings.class, "tracker.approval.mode", mode);
    }
}
