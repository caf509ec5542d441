package dev.tusk.platform.config;

import org.eclipse.microprofile.config.spi.Converter;

/** {@link AtLeastOne} for a {@code long} setting. */
public class AtLeastOneLong implements Converter<Long> {

    @Override
    public Long convert(String value) {
        long n = Long.parseLong(value.trim());
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1, not " + n);
        }
        return n;
    }
}
