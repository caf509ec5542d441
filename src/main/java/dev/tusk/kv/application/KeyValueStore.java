package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.KvException;
import dev.tusk.kv.domain.KvException.Reason;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.ShardUnavailableException;
import dev.tusk.kv.domain.Shards;
import dev.tusk.kv.domain.StoredValue;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.Version;
import dev.tusk.kv.domain.WriteOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The KV store's client API, in-process (the REST resource is a thin layer over it). Reads and
 * writes go to the key's shard instance in a zone this node serves ({@code zone} null: its first).
 * A write is stamped (now, that instance) and kept only if newer than the stored version; one
 * that loses says so. Expired keys are invisible at once.
 */
@ApplicationScoped
public class KeyValueStore {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(KeyValueStore.class.getName());

    @Inject CatalogService catalog;
    @Inject Shards shards;
    @Inject VersionClock clock;
    @Inject KvSettings settings;

    public Optional<StoredValue> get(String zone, Key key) {
        Target t = target(zone, key);
        List<KvRow> rows = call(t.instance(), () -> shards.read(t.instance(), key));
        return Visibility.valueOf(rows, Instant.now());
    }

    /**
     * @param clientTs the caller's own timestamp in microseconds, or null to stamp it now
     */
    public WriteOutcome put(String zone, Key key, ValueKind kind, byte[] value, Long clientTs) {
        if (kind != ValueKind.JSON && kind != ValueKind.BYTES) {
            throw new KvException(Reason.BAD_REQUEST, "a value is JSON or bytes");
        }
        return write(zone, key, kind, value, clientTs);
    }

    public WriteOutcome delete(String zone, Key key, Long clientTs) {
        return write(zone, key, ValueKind.TOMBSTONE, null, clientTs);
    }

    /**
     * Adds to a counter, atomically and without losing concurrent additions in other zones:
     * each shard instance adds to its own part, and the value is the sum of the parts.
     */
    public StoredValue add(String zone, Key key, long delta) {
        Target t = target(zone, key);
        long now = clock.now();
        call(t.instance(), () -> {
            shards.addToCounter(t.instance(), key, delta, now, expiry(t.namespace(), now));
            return null;
        });
        return get(zone, key).orElseThrow(() -> new KvException(Reason.UNAVAILABLE, "the counter vanished"));
    }

    private WriteOutcome write(String zone, Key key, ValueKind kind, byte[] value, Long clientTs) {
        Target t = target(zone, key);
        long ts = stamp(clientTs);
        KvRow row = new KvRow(key.namespace(), key.name(), "", kind, value, new Version(ts, t.instance().id()), expiry(t.namespace(), ts));
        return call(t.instance(), () -> shards.write(t.instance(), row));
    }

    private long stamp(Long clientTs) {
        long now = clock.now();
        if (clientTs == null) {
            return now;
        }
        long skew = settings.maxClockSkew().toNanos() / 1000;
        if (clientTs > now + skew) {
            throw new KvException(Reason.BAD_REQUEST, "the write's timestamp " + clientTs + " is " + (clientTs - now) / 1000
                    + " ms in the future; at most " + settings.maxClockSkew().toMillis() + " ms is allowed");
        }
        if (clientTs <= 0) {
            throw new KvException(Reason.BAD_REQUEST, "a timestamp is microseconds since 1970, above 0");
        }
        return clientTs;
    }

    private static Instant expiry(Catalog.Namespace namespace, long tsMicros) {
        if (namespace.expireAfterSeconds() == null) {
            return null;
        }
        return Instant.EPOCH.plusNanos(tsMicros * 1000).plusSeconds(namespace.expireAfterSeconds());
    }

    private record Target(ShardInstance instance, Catalog.Namespace namespace) {
    }

    private Target target(String zone, Key key) {
        Catalog c = catalog.current();
        Catalog.Namespace ns = c.namespace(key.namespace())
                .orElseThrow(() -> new KvException(Reason.UNKNOWN_NAMESPACE, "no namespace '" + key.namespace() + "' in the catalog"));
        List<String> served = settings.zones();
        if (served.isEmpty()) {
            throw new KvException(Reason.UNAVAILABLE, "this node serves no zone (kv.zones)");
        }
        String z = zone == null ? served.get(0) : zone;
        if (!served.contains(z)) {
            throw new KvException(Reason.BAD_REQUEST, "this node serves zones " + served + ", not '" + z + "'");
        }
        if (c.shards().isEmpty()) {
            throw new KvException(Reason.UNAVAILABLE, "the catalog has no shards");
        }
        String shard = c.shardOf(key.name()).name();
        ShardInstance instance = c.instance(shard, z)
                .orElseThrow(() -> new KvException(Reason.UNAVAILABLE, "shard " + shard + " has no instance in zone " + z));
        return new Target(instance, ns);
    }

    @FunctionalInterface
    private interface ShardCall<T> {
        T run();
    }

    /** Runs a call on a shard instance, its schema brought up to date first (once per instance). */
    private <T> T call(ShardInstance instance, ShardCall<T> call) {
        try {
            shards.prepare(instance);
            return call.run();
        } catch (ShardUnavailableException e) {
            LOG.log(java.util.logging.Level.WARNING, "shard instance " + instance.id() + " failed a call", e);
            throw new KvException(Reason.UNAVAILABLE, "shard instance " + instance.id() + " did not answer", e);
        }
    }

    /** Encodes a counter's total as its JSON value. */
    static byte[] number(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
