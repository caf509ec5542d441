package dev.tusk.kv.application;

import dev.tusk.kv.domain.Catalog.ShardInstance;
import dev.tusk.kv.domain.KvRow;
import dev.tusk.kv.domain.PeerChanges;
import dev.tusk.kv.domain.Progress;
import dev.tusk.kv.domain.ReplicationChannel;
import dev.tusk.kv.domain.Shards;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pulls one peer instance's changes into one local instance, forever: pages of rows below the
 * peer's horizon (no write still in flight there is ever passed over), each applied with the
 * progress in one local transaction; from zero for a new or returning peer (backfill). Any
 * failure closes both connections and retries after a jittered exponential back-off; a peer
 * that is down at start is simply retried.
 */
public final class ReplicationTask implements Runnable {
    private static final Logger LOG = Logger.getLogger(ReplicationTask.class.getName());

    private final ShardInstance local;
    private final ShardInstance peer;
    private final Shards shards;
    private final KvSettings settings;
    private final KvMetrics metrics;
    private final VersionClock clock;
    private final KvMetrics.TaskFigures figures;
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile ReplicationChannel channel;

    ReplicationTask(ShardInstance local, ShardInstance peer, Shards shards, KvSettings settings, KvMetrics metrics, VersionClock clock) {
        this.local = local;
        this.peer = peer;
        this.shards = shards;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.figures = metrics.task(local.shard(), local.id(), peer.id());
    }

    public ShardInstance local() {
        return local;
    }

    public ShardInstance peer() {
        return peer;
    }

    KvMetrics.TaskFigures figures() {
        return figures;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        int failures = 0;
        while (running) {
            try {
                replicate();
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                metrics.failed(figures);
                failures++;
                LOG.log(failures == 1 ? Level.WARNING : Level.FINE,
                        () -> "KV replication " + local.id() + " <- " + peer.id() + " failed (" + e + "); retrying");
                closeChannel();
                sleep(backoff(failures));
            }
        }
        closeChannel();
    }

    /** Connects, then pulls until stopped or failed. */
    private void replicate() throws Exception {
        shards.prepare(local);
        channel = shards.channel(local, peer);
        Progress progress = channel.progress();
        long xid = progress == null ? 0 : progress.xid();
        String namespace = "";
        String key = "";
        String part = "";
        int limit = settings.batchSize();
        while (running) {
            PeerChanges page = channel.pull(xid, namespace, key, part, limit);
            int n = page.rows().size();
            boolean drained = n < limit;
            long progressXid;
            if (drained) {
                progressXid = page.horizon();
            } else {
                // rows of the last xid may go on in the next page: the progress stops before it
                progressXid = Math.min(page.xids().get(n - 1), page.horizon());
            }
            int applied = channel.apply(page.rows(), progressXid, page.peerNowMicros());
            metrics.pulled(figures, n, applied, page.peerNowMicros(), clock.wallMicros(), drained);
            if (drained) {
                xid = page.horizon();
                namespace = "";
                key = "";
                part = "";
                sleep(settings.pollInterval());
            } else {
                KvRow last = page.rows().get(n - 1);
                xid = page.xids().get(n - 1);
                namespace = last.namespace();
                key = last.key();
                part = last.part();
            }
        }
    }

    private Duration backoff(int failures) {
        long base = settings.backoffBase().toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, settings.backoffMax().toMillis());
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (capped * jitter));
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeChannel() {
        ReplicationChannel c = channel;
        channel = null;
        if (c != null) {
            c.close();
        }
    }

    /** Stops the task: it ends its current step and closes its connections. */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        closeChannel();
    }
}
