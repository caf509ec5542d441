package dev.tusk.tracker.api;

import dev.tusk.tracker.application.PeerGarbageCollector;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Runs the peer GC now (operators only), as the timer does every {@code tracker.gc_interval}. */
@Path("api/admin/tracker/gc")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class GarbageAdminResource {

    /** What a GC run did. */
    public record GarbageCollected(long removed, long millis) {
    }

    @Inject PeerGarbageCollector collector;

    @POST
    public GarbageCollected collect() {
        long started = System.nanoTime();
        long removed = collector.collect();
        return new GarbageCollected(removed, (System.nanoTime() - started) / 1_000_000);
    }
}
