package dev.tusk.kv.application;

import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.StoredValue;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a key's rows show a reader: counter parts newer than the key's last put or delete make it
 * a counter (their sum); otherwise its value, unless deleted. Expired rows show nothing.
 */
final class Visibility {
    private Visibility() {
    }

    static Optional<StoredValue> valueOf(List<KvRow> rows, Instant now) {
        KvRow main = rows.stream().filter(r -> r.part().isEmpty()).findFirst().orElse(null);
        long since = main == null ? Long.MIN_VALUE : main.version().ts();
        long total = 0;
        Version newest = null;
        for (KvRow r : rows) {
            if (!r.part().isEmpty() && r.kind() == ValueKind.COUNTER && r.version().ts() > since && alive(r, now)) {
                total += Long.parseLong(new String(r.value(), StandardCharsets.US_ASCII));
                newest = newest == null || r.version().isNewerThan(newest) ? r.version() : newest;
            }
        }
        if (newest != null) {
            return Optional.of(new StoredValue(ValueKind.COUNTER, KeyValueStore.number(total), newest));
        }
        if (main == null || main.isTombstone() || !alive(main, now)) {
            return Optional.empty();
        }
        return Optional.of(new StoredValue(main.kind(), main.value(), main.version()));
    }

    private static boolean alive(KvRow r, Instant now) {
        return r.expiresAt() == null || r.expiresAt().isAfter(now);
    }
}
