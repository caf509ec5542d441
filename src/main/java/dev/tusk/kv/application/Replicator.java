package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.ShardUnavailableException;
import dev.tusk.kv.domain.Shards;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Runs one replication task per (local shard instance x peer instance of its shard), as threads
 * of the server's managed thread factory. Reconciled with every catalog this node loads:
 * tasks for new peers start, tasks for removed, decommissioned or changed ones stop, and a
 * decommissioned peer's progress is forgotten so tombstone cleanup no longer waits for it.
 */
@ApplicationScoped
public class Replicator {
    private static final Logger LOG = Logger.getLogger(Replicator.class.getName());

    @Inject Shards shards;
    @Inject KvSettings settings;
    @Inject KvMetrics metrics;
    @Inject VersionClock clock;
    @Resource ManagedThreadFactory threads;

    private final Map<String, ReplicationTask> tasks = new HashMap<>();

    public synchronized void reconcile(Catalog catalog) {
        Map<String, ShardInstance[]> desired = new HashMap<>();
        List<ShardInstance> local = catalog.instancesIn(settings.zones());
        for (ShardInstance l : local) {
            for (ShardInstance p : catalog.peersOf(l)) {
                desired.put(l + "<-" + p + "|" + l.hashCode() + "|" + p.hashCode(), new ShardInstance[] {l, p});
            }
        }
        tasks.entrySet().removeIf(e -> {
            if (!desired.containsKey(e.getKey())) {
                e.getValue().stop();
                return true;
            }
            return false;
        });
        desired.forEach((key, pair) -> tasks.computeIfAbsent(key, k -> {
            ReplicationTask task = new ReplicationTask(pair[0], pair[1], shards, settings, metrics, clock);
            Thread t = threads.newThread(task);
            t.setName("tusk-kv-repl " + pair[0].id() + "<-" + pair[1].id());
            t.start();
            return task;
        }));
        for (ShardInstance l : local) {
            catalog.instances().stream().filter(i -> i.decommissioned() && i.shard().equals(l.shard())).forEach(gone -> {
                try {
                    shards.forget(l, gone.id());
                } catch (ShardUnavailableException e) {
                    LOG.warning(() -> "could not forget decommissioned " + gone.id() + " on " + l.id() + ": " + e);
                }
            });
        }
        shards.retainOnly(catalog.instances());
        LOG.info(() -> "KV replication: " + tasks.size() + " tasks for zones " + settings.zones());
    }

    public synchronized List<KvMetrics.TaskStatus> status() {
        return metrics.status(new ArrayList<>(tasks.values()));
    }

    @PreDestroy
    synchronized void stopAll() {
        tasks.values().forEach(ReplicationTask::stop);
        tasks.clear();
    }
}
