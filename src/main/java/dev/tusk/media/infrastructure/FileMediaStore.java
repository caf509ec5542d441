package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files in a directory ({@code media.store.path}). Identifiers are {@code folder/uuid} made
 * here; anything else (an absolute path, {@code ..}, another folder) is refused, so no request
 * can reach outside the directory. A file appears whole or not at all (written aside, then
 * moved into place).
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(FileMediaStore.class)
public class FileMediaStore implements MediaStore {
    private static final Pattern IDENTIFIER = Pattern.compile("(originals|variants|tmp)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject @ConfigProperty(name = "media.store.path") String directory;

    private Path root;

    @PostConstruct
    void open() {
        root = Path.of(directory).toAbsolutePath().normalize();
    }

    /** Checks that the directory can be written. */
    public void check() throws IOException {
        Files.createDirectories(root);
        if (!Files.isWritable(root)) {
            throw new IOException("the file store's directory " + root + " is not writable");
        }
    }

    private Path path(FileIdentifier identifier) throws IOException {
        return path(identifier.value());
    }

    private Path path(String identifier) throws IOException {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IOException("not an identifier of this store: " + identifier);
        }
        Path p = root.resolve(identifier).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("outside the store: " + identifier);
        }
        return p;
    }

    @Override
    public FileIdentifier save(String folder, InputStream bytes) throws IOException {
        return saveAs(folder + "/" + UUID.randomUUID(), bytes);
    }

    @Override
    public FileIdentifier saveAs(String path, InputStream bytes) throws IOException {
        Path target = path(path);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.copy(bytes, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new FileIdentifier(path);
    }

    @Override
    public InputStream open(FileIdentifier identifier) throws IOException {
        try {
            return Files.newInputStream(path(identifier));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(identifier.toString());
        }
    }

    @Override
    public long size(FileIdentifier identifier) throws IOException {
        try {
            return Files.size(path(identifier));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException(identifier.toString());
        }
    }

    @Override
    public boolean exists(FileIdentifier identifier) {
        try {
            return Files.isRegularFile(path(identifier));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void delete(FileIdentifier identifier) throws IOException {
        Files.deleteIfExists(path(identifier));
    }

    @Override
    public List<FileIdentifier> writtenBefore(String folder, Instant cutoff, int limit) throws IOException {
        Path dir = path(folder + "/" + new UUID(0, 0)).getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> folder + "/" + f.getFileName())
                    .filter(identifier -> IDENTIFIER.matcher(identifier).matches())
                    .filter(identifier -> writtenBefore(identifier, cutoff))
                    .limit(limit)
                    .map(FileIdentifier::new)
                    .toList();
        }
    }

    private boolean writtenBefore(String identifier, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(path(identifier)).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false; // gone meanwhile
        }
    }
}
