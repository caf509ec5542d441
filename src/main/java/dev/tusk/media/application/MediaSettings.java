package dev.tusk.media.application;

import dev.tusk.platform.config.AtLeastOne;
import dev.tusk.platform.config.PositiveDuration;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import java.time.Duration;
import java.util.Optional;

/**
 * The media service's settings: {@code media.*} by method name in snake case (e.g.
 * {@code media.max_file_size}), defaults in microprofile-config.properties; a wrong value stops
 * the deployment with the key's name.
 */
@ConfigMapping(prefix = "media", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface MediaSettings {

    long maxFileSize();

    @WithConverter(AtLeastOne.class) int maxWidth();

    @WithConverter(AtLeastOne.class) int maxHeight();

    @WithConverter(AtLeastOne.class) int maxFrames();

    @WithConverter(AtLeastOne.class) int maxFiles();

    @WithConverter(AtLeastOne.class) int maxThumbnail();

    Optional<String> apiKey();

    @WithConverter(PositiveDuration.class) Duration uploadExpiry();

    @WithConverter(PositiveDuration.class) Duration variantMaxAge();

    @WithConverter(PositiveDuration.class) Duration proxyMaxAge();

    @WithConverter(PositiveDuration.class) Duration cleanupInterval();

    /** How often the repository's counts (the media gauges) are taken. */
    @WithConverter(PositiveDuration.class) Duration statisticsInterval();
}
