package dev.tusk.tracker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.platform.config.TestSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tracker's settings as the server maps them: MoChi's keys, Go durations, and values refused with their key. */
class TrackerSettingsTest {

    @Test
    void theDefaultsAreMochisUnderTheirKeys() {
        TrackerSettings s = TestSettings.of(TrackerSettings.class);
        assertThat(s.announceInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.defaultNumWant()).isEqualTo(50);
        assertThat(s.reportingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.realIpHeader()).isEmpty();
        assertThat(s.approval().mode()).isEqualTo(TrackerSettings.ApprovalMode.OFF);
        assertThat(s.cache().maxPeers()).isEqualTo(4_000_000L);
    }

    @Test
    void theRealIpHeaderIsTrimmed() {
        assertThat(TestSettings.of(TrackerSettings.class, "tracker.real_ip_header", " X-Forwarded-For ").realIpHeader())
                .isEqualTo("X-Forwarded-For");
    }

    @Test
    void aValueOutOfRangeIsRefusedWithItsKey() {
        assertThatThrownBy(() -> TestSettings.of(TrackerSettings.class, "tracker.flush_interval", "0s"))
                .hasMessageContaining("tracker.flush_interval").hasMessageContaining("must be positive");
        assertThatThrownBy(() -> TestSettings.of(TrackerSettings.class, "tracker.cache.max_swarms", "0"))
                .hasMessageContaining("tracker.cache.max_swarms").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TestSettings.of(TrackerSettings.class, "tracker.max_numwant", "-1"))
                .hasMessageContaining("tracker.max_numwant").hasMessageContaining("at least 0");
    }
}
