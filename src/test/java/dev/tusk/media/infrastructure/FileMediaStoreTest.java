package dev.tusk.media.infrastructure;

import dev.tusk.media.domain.FileIdentifier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMediaStoreTest {

    @TempDir Path dir;

    private FileMediaStore store() {
        FileMediaStore store = new FileMediaStore();
        store.directory = dir.resolve("media").toString();
        store.open();
        return store;
    }

    @Test
    void savesReadsAndDeletesUnderIdentifiersItMakes() throws IOException {
        FileMediaStore store = store();
        FileIdentifier id = store.save("originals", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertThat(id.value()).matches("originals/[0-9a-f-]{36}");
        assertThat(store.size(id)).isEqualTo(3);
        try (var in = store.open(id)) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        store.delete(id);
        store.delete(id);
        assertThat(store.exists(id)).isFalse();
        assertThatThrownBy(() -> store.open(id)).isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void refusesAnythingThatIsNotOneOfItsIdentifiers() throws IOException {
        FileMediaStore store = store();
        Files.writeString(dir.resolve("secret"), "no");
        for (String path : new String[] {"../secret", "originals/../../secret", "/etc/passwd", "originals/x", "other/" + java.util.UUID.randomUUID()}) {
            FileIdentifier bad = new FileIdentifier(path);
            assertThatThrownBy(() -> store.open(bad)).as(path).isInstanceOf(IOException.class);
            assertThat(store.exists(bad)).isFalse();
        }
        assertThatThrownBy(() -> store.save("..", new ByteArrayInputStream(new byte[0]))).isInstanceOf(IOException.class);
    }
}
