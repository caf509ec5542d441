package dev.tusk.queue.application;

import dev.tusk.queue.domain.JobStore;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The leases this node holds on running jobs, all renewed by one heartbeat every
 * {@code queue.heartbeat_interval} (one statement for all of them). A lease the heartbeat
 * finds taken away is marked lost, which its handler sees.
 */
@ApplicationScoped
public class Leases {
    private static final Logger LOG = Logger.getLogger(Leases.class.getName());

    @Inject JobStore store;
    @Inject QueueSettings settings;
    @Resource ManagedScheduledExecutorService scheduler;

    private final Map<UUID, Lease> held = new ConcurrentHashMap<>();
    private ScheduledFuture<?> heartbeats;

    /** A job this worker runs, as its handler sees it. */
    public static final class Lease implements JobContext {
        private final Job job;
        private final UUID worker;
        private final AtomicBoolean lost = new AtomicBoolean();

        Lease(Job job, UUID worker) {
            this.job = job;
            this.worker = worker;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public boolean leaseLost() {
            return lost.get();
        }

        public UUID worker() {
            return worker;
        }
    }

    @PostConstruct
    void start() {
        long every = settings.heartbeatInterval().toMillis();
        heartbeats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeats.cancel(false);
    }

    Lease take(Job job, UUID worker) {
        Lease lease = new Lease(job, worker);
        held.put(job.id(), lease);
        return lease;
    }

    void release(Lease lease) {
        held.remove(lease.job.id(), lease); // only this lease: the job may have been claimed again since
    }

    /** One heartbeat for every lease held (the scheduler calls it every heartbeat interval). */
    void beat() {
        Map<UUID, UUID> renew = new HashMap<>();
        held.forEach((id, lease) -> renew.put(id, lease.worker));
        if (renew.isEmpty()) {
            return;
        }
        try {
            Set<UUID> stillHeld = store.heartbeat(renew);
            renew.keySet().stream().filter(id -> !stillHeld.contains(id)).map(held::get)
                    .filter(java.util.Objects::nonNull).forEach(lease -> lease.lost.set(true));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat of {0} jobs failed: {1}", new Object[] {renew.size(), e.getMessage()});
        }
    }
}
