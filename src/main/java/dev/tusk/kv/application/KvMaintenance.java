package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.Progress;
import dev.tusk.kv.domain.Shards;
import dev.tusk.platform.timers.PeriodicTask;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Loads the catalog at start-up (which starts replication), then every
 * {@code kv.maintenance_interval}: reloads the catalog if its version changed, and for each
 * local shard instance sweeps expired rows; removes
 * tombstones that every live peer has pulled and that are older than the grace period past what
 * this instance has seen of every peer (with a peer unreachable or never pulled, tombstones are
 * kept); compares per-bucket digests with each peer and copies the differing buckets' rows
 * (anti-entropy; the newer version wins, so repair is safe in both directions; a settled tombstone
 * is copied only over an older row, never brought back where cleanup removed it).
 */
@ApplicationScoped
public class KvMaintenance implements PeriodicTask {
    private static final Logger LOG = Logger.getLogger(KvMaintenance.class.getName());

    /** What one round did. */
    public record Round(long expiredRemoved, long tombstonesRemoved, long rowsRepaired, List<String> problems) {
    }

    @Inject CatalogService catalog;
    @Inject Shards shards;
    @Inject KvSettings settings;
    @Inject KvMetrics metrics;
    @Inject VersionClock clock;

    /** Made when the scheduler starts, after the schema migrations: the catalog's first load. */
    @PostConstruct
    void loadCatalog() {
        try {
            catalog.reload();
        } catch (RuntimeException e) {
            LOG.warning(() -> "KV catalog not loaded at start-up (" + e.getMessage() + "); it is loaded at the next change");
        }
    }

    @Override
    public String name() {
        return "the kv maintenance";
    }

    @Override
    public Duration interval() {
        return settings.maintenanceInterval();
    }

    @Override
    public void run() {
        runNow().problems().forEach(p -> LOG.fine(() -> "KV maintenance: " + p));
    }

    public Round runNow() {
        List<String> problems = new java.util.ArrayList<>();
        try {
            catalog.reloadIfChanged();
        } catch (RuntimeException e) {
            problems.add("catalog not reloaded: " + e.getMessage());
        }
        Catalog c = catalog.current();
        long expired = 0;
        long tombstones = 0;
        long repaired = 0;
        for (ShardInstance local : c.instancesIn(settings.zones())) {
            List<ShardInstance> peers = c.peersOf(local);
            try {
                int n = shards.sweepExpired(local, clock.instant());
                expired += n;
                metrics.count("tusk.kv.expired.removed", local.id(), n);
            } catch (RuntimeException e) {
                problems.add(local.id() + ": expiry sweep failed: " + e.getMessage());
            }
            try {
                long n = removeTombstones(local, peers);
                tombstones += n;
                metrics.count("tusk.kv.tombstones.removed", local.id(), n);
            } catch (RuntimeException e) {
                problems.add(local.id() + ": tombstones kept: " + e.getMessage());
            }
            for (ShardInstance peer : peers) {
                try {
                    long n = repair(local, peer);
                    repaired += n;
                    metrics.count("tusk.kv.repaired.rows", local.id(), n);
                } catch (RuntimeException e) {
                    problems.add(local.id() + ": no digest comparison with " + peer.id() + ": " + e.getMessage());
                }
            }
        }
        return new Round(expired, tombstones, repaired, problems);
    }

    private long graceMicros() {
        return settings.tombstoneGrace().toNanos() / 1000;
    }

    private long removeTombstones(ShardInstance local, List<ShardInstance> peers) {
        long belowXid = Long.MAX_VALUE;
        long before = clock.wallMicros() - graceMicros();
        for (ShardInstance peer : peers) {
            Progress theirs = shards.progress(peer, local.id());
            Progress mine = shards.progress(local, peer.id());
            if (theirs == null || mine == null) {
                throw new IllegalStateException(peer.id() + " and " + local.id() + " have not both pulled from each other yet");
            }
            belowXid = Math.min(belowXid, theirs.xid());
            before = Math.min(before, mine.peerNowMicros() - graceMicros());
        }
        return shards.removeTombstones(local, belowXid, before);
    }

    private long repair(ShardInstance local, ShardInstance peer) {
        long settled = clock.wallMicros() - graceMicros();
        Map<Integer, String> ours = shards.digests(local, settled);
        Map<Integer, String> theirs = shards.digests(peer, settled);
        Set<Integer> buckets = new HashSet<>(ours.keySet());
        buckets.addAll(theirs.keySet());
        long repaired = 0;
        for (int bucket : buckets) {
            if (!Objects.equals(ours.get(bucket), theirs.get(bucket))) {
                // The peer's settled tombstones (older than the grace, left out of the digests) may
                // have been cleaned up here already: they only replace older rows still here, so
                // that repair never brings back a tombstone that cleanup removed.
                Map<Boolean, List<KvRow>> settledTombstone = shards.bucket(peer, bucket).stream()
                        .collect(Collectors.partitioningBy(r -> r.isTombstone() && r.version().ts() < settled));
                repaired += shards.applyRows(local, settledTombstone.get(false))
                        + shards.applyOverExisting(local, settledTombstone.get(true));
            }
        }
        return repaired;
    }
}
