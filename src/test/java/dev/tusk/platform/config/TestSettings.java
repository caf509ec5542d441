package dev.tusk.platform.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A settings interface as the server maps it, for unit tests: Tusk's defaults from
 * microprofile-config.properties, Go durations, the converters on its methods, and the test's own
 * values over them.
 */
public final class TestSettings {
    private TestSettings() {
    }

    /** @param overrides keys and values, one after the other */
    public static <T> T of(Class<T> mapping, String... overrides) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            values.put(overrides[i], overrides[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(defaults(), "microprofile-config.properties", 100))
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .withConverter(Duration.class, 200, new GoDurationConverter())
                .withMapping(mapping)
                .build()
                .getConfigMapping(mapping);
    }

    private static Map<String, String> defaults() {
        Properties p = new Properties();
        try (InputStream in = TestSettings.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> all = new HashMap<>();
        p.stringPropertyNames().forEach(k -> all.put(k, p.getProperty(k)));
        return all;
    }
}
