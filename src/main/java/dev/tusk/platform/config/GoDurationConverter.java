package dev.tusk.platform.config;

import jakarta.annotation.Priority;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Every {@code Duration} setting read as Go writes durations ({@link GoDuration}: "100ms",
 * "1h30m"), MoChi's format, instead of ISO-8601's "PT0.1S". Registered through
 * {@code META-INF/services}, above the implicit {@code Duration.parse}; a wrong value stops the
 * deployment with the key's name.
 */
@Priority(200)
public class GoDurationConverter implements Converter<Duration> {

    @Override
    public Duration convert(String value) {
        return value == null || value.isBlank() ? null : GoDuration.parse(value);
    }
}
