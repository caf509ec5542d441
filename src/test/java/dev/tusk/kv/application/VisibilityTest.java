package dev.tusk.kv.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.StoredValue;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VisibilityTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static KvRow main(ValueKind kind, String value, long ts, Instant expires) {
        return new KvRow("ns", "k", "", kind, value == null ? null : value.getBytes(StandardCharsets.UTF_8), new Version(ts, "z1"), expires);
    }

    private static KvRow part(String zone, long n, long ts) {
        return new KvRow("ns", "k", zone, ValueKind.COUNTER, Long.toString(n).getBytes(StandardCharsets.US_ASCII), new Version(ts, zone), null);
    }

    private static String text(Optional<StoredValue> v) {
        return v.map(x -> new String(x.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void aValueShowsUntilItExpiresOrIsDeleted() {
        assertThat(text(Visibility.valueOf(List.of(main(ValueKind.JSON, "1", 5, null)), NOW))).isEqualTo("1");
        assertThat(Visibility.valueOf(List.of(main(ValueKind.JSON, "1", 5, NOW.minusMillis(1))), NOW)).isEmpty();
        assertThat(Visibility.valueOf(List.of(main(ValueKind.TOMBSTONE, null, 5, null)), NOW)).isEmpty();
        assertThat(Visibility.valueOf(List.of(), NOW)).isEmpty();
    }

    @Test
    void aCounterIsTheSumOfThePartsNewerThanTheLastPutOrDelete() {
        List<KvRow> rows = List.of(main(ValueKind.TOMBSTONE, null, 10, null), part("z1", 7, 9), part("z2", 3, 11), part("z3", 4, 12));
        Optional<StoredValue> v = Visibility.valueOf(rows, NOW);
        assertThat(text(v)).isEqualTo("7");
        assertThat(v.orElseThrow().kind()).isEqualTo(ValueKind.COUNTER);
        assertThat(v.orElseThrow().version()).isEqualTo(new Version(12, "z3"));
    }

    @Test
    void aPutAfterTheCounterHidesIt() {
        List<KvRow> rows = List.of(main(ValueKind.JSON, "\"text\"", 20, null), part("z1", 7, 9));
        assertThat(text(Visibility.valueOf(rows, NOW))).isEqualTo("\"text\"");
    }
}
