package dev.tusk.queue.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.platform.config.GoDuration;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class QueueSettingsTest {

    private final QueueSettings settings = new QueueEngine().settings;

    /** base x 2^(n-1), at most the maximum (10 s here), with +-20 % jitter. */
    @RepeatedTest(20)
    void theBackOffDoublesPerAttemptUpToItsMaximumWithJitter() {
        assertThat(settings.backoff(1)).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
        assertThat(settings.backoff(2)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
        assertThat(settings.backoff(3)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(settings.backoff(4)).isBetween(Duration.ofMillis(8000), Duration.ofMillis(12000));
        assertThat(settings.backoff(1000)).as("no overflow").isBetween(Duration.ofMillis(8000), Duration.ofMillis(12000));
    }

    @Test
    void aStaleLimitUnderThreeHeartbeatsIsRefused() {
        QueueSettings s = new QueueEngine().settings;
        s.staleAfter = GoDuration.parse("2s");
        assertThatThrownBy(s::parse).hasMessageContaining("queue.stale_after");
    }
}
