package dev.tusk.media.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The media service's settings ({@code media.*}, defaults in microprofile-config.properties). */
@ApplicationScoped
public class MediaSettings {

    @Inject @ConfigProperty(name = "media.max_file_size") long maxFileSize;
    @Inject @ConfigProperty(name = "media.max_width") int maxWidth;
    @Inject @ConfigProperty(name = "media.max_height") int maxHeight;
    @Inject @ConfigProperty(name = "media.max_frames") int maxFrames;
    @Inject @ConfigProperty(name = "media.max_files") int maxFiles;
    @Inject @ConfigProperty(name = "media.max_thumbnail") int maxThumbnail;
    @Inject @ConfigProperty(name = "media.api_key") Optional<String> apiKey;
    @Inject @ConfigProperty(name = "media.upload_expiry") Duration uploadExpiry;
    @Inject @ConfigProperty(name = "media.variant_max_age") Duration variantMaxAge;
    @Inject @ConfigProperty(name = "media.proxy_max_age") Duration proxyMaxAge;
    @Inject @ConfigProperty(name = "media.cleanup_interval") Duration cleanupInterval;
    @Inject @ConfigProperty(name = "media.statistics_interval") Duration statisticsInterval;

    public long maxFileSize() {
        return maxFileSize;
    }

    public int maxWidth() {
        return maxWidth;
    }

    public int maxHeight() {
        return maxHeight;
    }

    public int maxFrames() {
        return maxFrames;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public int maxThumbnail() {
        return maxThumbnail;
    }

    public Optional<String> apiKey() {
        return apiKey;
    }

    public Duration uploadExpiry() {
        return uploadExpiry;
    }

    public Duration variantMaxAge() {
        return variantMaxAge;
    }

    public Duration proxyMaxAge() {
        return proxyMaxAge;
    }

    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /** How often the repository's counts (the media gauges) are taken. */
    public Duration statisticsInterval() {
        return statisticsInterval;
    }
}
