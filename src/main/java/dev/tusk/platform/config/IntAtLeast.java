package dev.tusk.platform.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * An {@code int} setting with a lower bound ({@code @WithConverter} on a settings method, through a
 * subclass that names the bound): a smaller value stops the deployment with the key's name.
 */
public abstract class IntAtLeast implements Converter<Integer> {
    private final int min;

    protected IntAtLeast(int min) {
        this.min = min;
    }

    @Override
    public Integer convert(String value) {
        int n = Integer.parseInt(value.trim());
        if (n < min) {
            throw new IllegalArgumentException("must be at least " + min + ", not " + n);
        }
        return n;
    }
}
