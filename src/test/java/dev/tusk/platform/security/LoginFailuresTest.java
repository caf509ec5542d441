package dev.tusk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginFailuresTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final LoginFailures failures = new LoginFailures(3, Duration.ofSeconds(60), 100, now::get);

    @Test
    void anAddressIsRefusedAfterItsFailuresUntilTheLockoutEnds() {
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
        assertThat(failures.failed("10.0.0.1")).as("the failure that starts the lockout").isTrue();
        assertThat(failures.refusedFor("10.0.0.1")).contains(Duration.ofSeconds(60));
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(failures.refusedFor("10.0.0.1")).contains(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
        assertThat(failures.failed("10.0.0.1")).as("counting starts again after the lockout").isFalse();
    }

    @Test
    void otherAddressesAreNeverRefused() {
        for (int i = 0; i < 10; i++) {
            failures.failed("10.0.0.1");
        }
        assertThat(failures.refusedFor("10.0.0.1")).isPresent();
        assertThat(failures.refusedFor("10.0.0.2")).isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheLockoutDoNotAddUp() {
        failures.failed("10.0.0.1");
        failures.failed("10.0.0.1");
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        failures.failed("10.0.0.1");
        failures.failed("10.0.0.1");
        failures.succeeded("10.0.0.1");
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.failed("10.0.0.1")).isFalse();
        assertThat(failures.refusedFor("10.0.0.1")).isEmpty();
    }

    @Test
    void aFloodOfAddressesStaysWithinTheBound() {
        for (int i = 0; i < 1000; i++) {
            failures.failed("10.1." + (i / 256) + "." + (i % 256));
        }
        assertThat(failures.tracked()).isLessThanOrEqualTo(100);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new LoginFailures(0, Duration.ofSeconds(1), 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LoginFailures(1, Duration.ZERO, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
