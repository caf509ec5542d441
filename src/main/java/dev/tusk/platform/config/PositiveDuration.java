package dev.tusk.platform.config;

import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A Go duration above zero, for settings that time something ({@code @WithConverter} on a
 * settings method): zero or a negative value stops the deployment with the key's name.
 */
public class PositiveDuration implements Converter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = new GoDurationConverter().convert(value);
        if (d != null && (d.isZero() || d.isNegative())) {
            throw new IllegalArgumentException("must be positive, not " + value);
        }
        return d;
    }
}
