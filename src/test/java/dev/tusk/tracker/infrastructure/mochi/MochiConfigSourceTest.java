package dev.tusk.tracker.infrastructure.mochi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MochiConfigSourceTest {

    @TempDir Path dir;

    @Test
    void mapsMochisPostgresStorageSectionToTrackerKeys() throws Exception {
        Path file = dir.resolve("mochi.yaml");
        Files.writeString(file, """
                storage:
                    name: pg
                    config:
                        connection_string: host=127.0.0.1 port=5432 database=mochi user=mochi
                        announce:
                            query: SELECT peer_id, address, port FROM mo_peers WHERE info_hash=$1 AND is_seeder=$2 AND is_v6=$3 LIMIT $4
                            peer_id_column: PEER_ID
                        peer:
                            graduate_query: UPDATE mo_peers SET is_seeder=TRUE WHERE info_hash=@info_hash
                        ping_query: SELECT 1
                        gc_interval: 5m
                        peer_lifetime: 40m
                """);
        MochiConfigSource source = new MochiConfigSource(file.toString());
        assertThat(source.getProperties())
                .containsEntry("tracker.pg.announce.query",
                        "SELECT peer_id, address, port FROM mo_peers WHERE info_hash=$1 AND is_seeder=$2 AND is_v6=$3 LIMIT $4")
                .containsEntry("tracker.pg.announce.peer_id_column", "PEER_ID")
                .containsEntry("tracker.pg.peer.graduate_query", "UPDATE mo_peers SET is_seeder=TRUE WHERE info_hash=@info_hash")
                .containsEntry("tracker.pg.ping_query", "SELECT 1")
                .containsEntry("tracker.gc_interval", "5m")
                .containsEntry("tracker.peer_lifetime", "40m")
                .doesNotContainKey("tracker.pg.connection_string");
        assertThat(source.getOrdinal()).isBetween(101, 299);
    }

    @Test
    void readsTheStorageUnderAMochiRootAndIgnoresOtherStores() throws Exception {
        Path nested = dir.resolve("nested.yaml");
        Files.writeString(nested, "mochi:\n  storage:\n    name: postgres\n    config:\n      gc_query: DELETE FROM x\n");
        assertThat(new MochiConfigSource(nested.toString()).getValue("tracker.pg.gc_query")).isEqualTo("DELETE FROM x");

        Path redis = dir.resolve("redis.yaml");
        Files.writeString(redis, "storage:\n  name: redis\n  config:\n    gc_interval: 1m\n");
        assertThat(new MochiConfigSource(redis.toString()).getProperties()).isEmpty();
    }

    @Test
    void withoutTheVariableItIsEmpty() {
        assertThat(new MochiConfigSource((String) null).getProperties()).isEmpty();
    }
}
