package dev.tusk.media.application;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaStore;
import dev.tusk.platform.persistence.AfterTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Files of the media store that follow a job's transaction: one saved in it goes again if the
 * transaction rolls back, one it supersedes goes once it commits. No file outlives a rolled-back
 * row, and none is removed while a row that names it may still commit.
 */
@ApplicationScoped
class TransactionalFiles {
    @Inject MediaStore store;
    @Inject AfterTransaction after;

    InputStream open(FileIdentifier identifier) throws IOException {
        return store.open(identifier);
    }

    /** Saves {@code bytes} in {@code folder}, removed again if the transaction rolls back. @return its identifier */
    FileIdentifier save(String folder, byte[] bytes) throws IOException {
        FileIdentifier identifier = store.save(folder, new ByteArrayInputStream(bytes));
        after.onRollback(() -> delete(identifier));
        return identifier;
    }

    /** Removes the file once the transaction commits. */
    void deleteOnCommit(FileIdentifier identifier) {
        after.onCommit(() -> delete(identifier));
    }

    private void delete(FileIdentifier identifier) {
        try {
            store.delete(identifier);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
