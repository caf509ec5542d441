package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.KeyHashing;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.Progress;
import dev.tusk.kv.domain.ReplicationChannel;
import dev.tusk.kv.domain.ShardUnavailableException;
import dev.tusk.kv.domain.Shards;
import dev.tusk.kv.domain.WriteOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shard instances in memory with JdbcShards's semantics, for unit tests of maintenance: each
 * instance keeps its rows with the transaction id that wrote them, newer versions win, digests
 * cover live rows and unsettled tombstones per bucket, tombstone cleanup removes what both sides
 * have pulled past (counters' parts are not modelled). An instance may be made unreachable.
 */
final class InMemoryShards implements Shards {

    /** A stored row and the id of the instance's transaction that wrote it. */
    record Stored(KvRow row, long xid) {
    }

    private final Map<String, TreeMap<String, Stored>> rows = new HashMap<>();
    private final Map<String, Map<String, Progress>> progress = new HashMap<>();
    private final Map<String, Long> nextXid = new HashMap<>();
    final Set<String> unreachable = new HashSet<>();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private static String id(KvRow r) {
        return r.namespace() + '\u001f' + r.key() + '\u001f' + r.part();
    }

    private TreeMap<String, Stored> of(ShardInstance instance) {
        if (unreachable.contains(instance.id())) {
            throw new ShardUnavailableException(instance.id(), new java.net.ConnectException("does not answer"));
        }
        return rows.computeIfAbsent(instance.id(), k -> new TreeMap<>());
    }

    /** The rows an instance holds now. */
    List<KvRow> rows(ShardInstance instance) {
        return of(instance).values().stream().map(Stored::row).toList();
    }

    /** Records that {@code instance} has pulled {@code peer}'s transactions below {@code xid}. */
    void pulled(ShardInstance instance, String peer, long xid, long peerNowMicros) {
        progress.computeIfAbsent(instance.id(), k -> new HashMap<>()).put(peer, new Progress(xid, peerNowMicros));
    }

    long lastXid(ShardInstance instance) {
        return nextXid.getOrDefault(instance.id(), 0L);
    }

    private boolean store(ShardInstance instance, KvRow row, boolean onlyOverExisting) {
        TreeMap<String, Stored> here = of(instance);
        Stored old = here.get(id(row));
        if ((old == null && onlyOverExisting) || (old != null && !row.version().isNewerThan(old.row().version()))) {
            return false;
        }
        here.put(id(row), new Stored(row, nextXid.merge(instance.id(), 1L, Long::sum)));
        return true;
    }

    @Override
    public void prepare(ShardInstance instance) {
        of(instance);
    }

    @Override
    public List<KvRow> read(ShardInstance instance, Key key) {
        return of(instance).values().stream().map(Stored::row).filter(r -> r.namespace().equals(key.namespace()) && r.key().equals(key.name()))
                .toList();
    }

    @Override
    public WriteOutcome write(ShardInstance instance, KvRow row) {
        if (store(instance, row, false)) {
            return WriteOutcome.written(row.version());
        }
        return WriteOutcome.lostTo(of(instance).get(id(row)).row().version());
    }

    @Override
    public void addToCounter(ShardInstance instance, Key key, long delta, long nowMicros, Instant expiresAt) {
        throw new UnsupportedOperationException("not needed by maintenance");
    }

    @Override
    public ReplicationChannel channel(ShardInstance local, ShardInstance peer) {
        throw new UnsupportedOperationException("not needed by maintenance");
    }

    @Override
    public Progress progress(ShardInstance instance, String peer) {
        of(instance);
        return progress.getOrDefault(instance.id(), Map.of()).get(peer);
    }

    @Override
    public void forget(ShardInstance instance, String peer) {
        of(instance);
        progress.getOrDefault(instance.id(), new HashMap<>()).remove(peer);
    }

    @Override
    public Map<Integer, String> digests(ShardInstance instance, long settledBeforeMicros) {
        Map<Integer, StringBuilder> text = new TreeMap<>();
        for (Stored s : of(instance).values()) {
            KvRow r = s.row();
            boolean expired = r.expiresAt() != null && !r.expiresAt().isAfter(now);
            if (expired || (r.isTombstone() && r.version().ts() < settledBeforeMicros)) {
                continue;
            }
            text.computeIfAbsent(KeyHashing.bucket(r.key()), b -> new StringBuilder()).append(id(r)).append(r.kind())
                    .append(r.version()).append(r.value() == null ? "" : java.util.Arrays.hashCode(r.value())).append('\u001e');
        }
        Map<Integer, String> digests = new TreeMap<>();
        text.forEach((bucket, t) -> digests.put(bucket, t.toString()));
        return digests;
    }

    @Override
    public List<KvRow> bucket(ShardInstance instance, int bucket) {
        return of(instance).values().stream().map(Stored::row).filter(r -> KeyHashing.bucket(r.key()) == bucket).toList();
    }

    @Override
    public int applyRows(ShardInstance instance, List<KvRow> rows) {
        return apply(instance, rows, false);
    }

    @Override
    public int applyOverExisting(ShardInstance instance, List<KvRow> rows) {
        return apply(instance, rows, true);
    }

    private int apply(ShardInstance instance, List<KvRow> rows, boolean onlyOverExisting) {
        int n = 0;
        for (KvRow r : rows) {
            n += store(instance, r, onlyOverExisting) ? 1 : 0;
        }
        return n;
    }

    @Override
    public long removeTombstones(ShardInstance instance, long belowXid, long beforeMicros) {
        TreeMap<String, Stored> here = of(instance);
        List<String> dead = new ArrayList<>();
        for (Map.Entry<String, Stored> e : here.entrySet()) {
            KvRow r = e.getValue().row();
            if (r.isTombstone() && r.part().isEmpty() && e.getValue().xid() < belowXid && r.version().ts() < beforeMicros) {
                dead.add(e.getKey());
            }
        }
        dead.forEach(here::remove);
        return dead.size();
    }

    @Override
    public int sweepExpired(ShardInstance instance, Instant before) {
        TreeMap<String, Stored> here = of(instance);
        int before0 = here.size();
        here.values().removeIf(s -> s.row().expiresAt() != null && s.row().expiresAt().isBefore(before));
        return before0 - here.size();
    }

    @Override
    public void retainOnly(List<ShardInstance> instances) {
    }
}
