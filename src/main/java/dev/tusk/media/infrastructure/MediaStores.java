package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.media.domain.MediaStoreCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media service's store: new files go to the store {@code media.store} names ({@code file}
 * or {@code s3}); every other operation goes to the store an identifier belongs to (object
 * store identifiers start with {@code s3:}), so files in both stores are served during and
 * after a migration.
 */
@ApplicationScoped
public class MediaStores implements MediaStore, MediaStoreCatalog {

    @Inject @ConfigProperty(name = "media.store") String active;
    @Inject FileMediaStore file;
    @Inject S3MediaStore s3;

    @Override
    public MediaStore named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "file" -> file;
            case "s3" -> s3;
            default -> throw new IllegalArgumentException("a store is file or s3, not '" + name + "'");
        };
    }

    @Override
    public boolean holds(String name, FileIdentifier identifier) {
        return identifier.value().startsWith(S3MediaStore.PREFIX) == name.equalsIgnoreCase("s3");
    }

    @Override
    public void check(String name) throws IOException {
        MediaStore store = named(name);
        if (store == s3) {
            s3.check();
        } else {
            file.check();
        }
    }

    private MediaStore of(FileIdentifier identifier) {
        return identifier.value().startsWith(S3MediaStore.PREFIX) ? s3 : file;
    }

    @Override
    public FileIdentifier save(String folder, InputStream bytes) throws IOException {
        return named(active).save(folder, bytes);
    }

    @Override
    public FileIdentifier saveAs(String path, InputStream bytes) throws IOException {
        return named(active).saveAs(path, bytes);
    }

    @Override
    public InputStream open(FileIdentifier identifier) throws IOException {
        return of(identifier).open(identifier);
    }

    @Override
    public long size(FileIdentifier identifier) throws IOException {
        return of(identifier).size(identifier);
    }

    @Override
    public boolean exists(FileIdentifier identifier) {
        return of(identifier).exists(identifier);
    }

    @Override
    public void delete(FileIdentifier identifier) throws IOException {
        of(identifier).delete(identifier);
    }

    /** In the store new files go to. */
    @Override
    public List<FileIdentifier> writtenBefore(String folder, Instant cutoff, int limit) throws IOException {
        return named(active).writtenBefore(folder, cutoff, limit);
    }
}
