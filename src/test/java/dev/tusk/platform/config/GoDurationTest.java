package dev.tusk.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

    @Test
    void parsesGoDurations() {
        assertThat(GoDuration.parse("3m")).isEqualTo(Duration.ofMinutes(3));
        assertThat(GoDuration.parse("31m")).isEqualTo(Duration.ofMinutes(31));
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : new String[] {"", "3x", "m", "3m junk", "-3m"}) {
            assertThatThrownBy(() -> GoDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theConverterReadsEveryDurationSettingAsGoWritesIt() {
        GoDurationConverter converter = new GoDurationConverter();
        assertThat(converter.convert("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert(" ")).as("an empty value is no value (the setting's default applies)").isNull();
        assertThatThrownBy(() -> converter.convert("PT1S")).as("ISO-8601 is not MoChi's format").isInstanceOf(IllegalArgumentException.class);
        assertThat(GoDurationConverter.class.getAnnotation(jakarta.annotation.Priority.class).value())
                .as("above the implicit Duration.parse (100)").isGreaterThan(100);
    }
}
