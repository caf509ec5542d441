package dev.tusk.kv.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHashingTest {

    @Test
    void theShardIsCrc32cOfTheUtf8KeyModuloTheShardCount() {
        // CRC-32C("123456789") is 0xE3069283, the standard check value
        assertThat(KeyHashing.hash("123456789")).isEqualTo(0xE3069283L);
        assertThat(KeyHashing.shard("123456789", 2)).isEqualTo((int) (0xE3069283L % 2));
        assertThat(KeyHashing.shard("123456789", 7)).isEqualTo((int) (0xE3069283L % 7));
        assertThat(KeyHashing.bucket("123456789")).isEqualTo((int) (0xE3069283L % KeyHashing.BUCKETS));
    }

    @Test
    void aCatalogWithoutShardsHasNoShardForAKey() {
        assertThatThrownBy(() -> KeyHashing.shard("k", 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void versionsAreOrderedByTimestampThenOrigin() {
        Version a = new Version(10, "z1-s0");
        Version b = new Version(10, "z2-s0");
        Version c = new Version(11, "a");
        assertThat(List.of(c, b, a).stream().sorted().toList()).containsExactly(a, b, c);
        assertThat(b.isNewerThan(a)).isTrue();
        assertThat(a.isNewerThan(a)).isFalse();
    }

    @Test
    void shardPositionsMustBeContiguous() {
        Catalog gap = new Catalog(List.of(), List.of(new Catalog.Shard("a", 0), new Catalog.Shard("b", 2)), List.of(), List.of());
        Catalog fine = new Catalog(List.of(), List.of(new Catalog.Shard("b", 1), new Catalog.Shard("a", 0)), List.of(), List.of());
        assertThat(gap.shardsContiguous()).isFalse();
        assertThat(fine.shardsContiguous()).isTrue();
        assertThat(fine.shards()).extracting(Catalog.Shard::name).containsExactly("a", "b");
    }
}
