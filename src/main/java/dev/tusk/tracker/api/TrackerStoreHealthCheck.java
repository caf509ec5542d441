package dev.tusk.tracker.api;

import dev.tusk.tracker.domain.StoreMaintenance;
import dev.tusk.tracker.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the tracker's store answers (MicroProfile Health, {@code :9990/health/ready}). */
@Readiness
@ApplicationScoped
public class TrackerStoreHealthCheck implements HealthCheck {

    @Inject StoreMaintenance store;

    @Override
    public HealthCheckResponse call() {
        try {
            store.ping();
            return HealthCheckResponse.up("tracker-store");
        } catch (StoreUnavailableException e) {
            return HealthCheckResponse.named("tracker-store").down().withData("error", e.getMessage()).build();
        }
    }
}
