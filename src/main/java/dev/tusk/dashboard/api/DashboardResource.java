package dev.tusk.dashboard.api;

import dev.tusk.dashboard.application.MeterHistory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** What the dashboard's pages read (operators only, like every {@code /api/admin} path). */
@Path("api/admin/dashboard")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    /** A store's readiness, as {@code /health/ready} reports it. */
    public record Check(String name, boolean up, Map<String, Object> data) {
    }

    /** The checks now, and the series' points after {@code since} ([time ms, value] pairs). */
    public record Overview(long now, long sampleMillis, List<Check> health, Map<String, List<double[]>> series) {
    }

    @Inject MeterHistory history;
    @Inject @Any @Readiness Instance<HealthCheck> checks;

    @GET
    public Overview overview(@QueryParam("since") @DefaultValue("0") @Min(0) long since) {
        List<Check> health = checks.stream().map(HealthCheck::call).map(DashboardResource::check).toList();
        Map<String, List<double[]>> series = new TreeMap<>();
        history.after(since).forEach((key, points) -> series.put(key,
                points.stream().map(p -> new double[] {p.time(), p.value()}).toList()));
        return new Overview(System.currentTimeMillis(), history.sampleInterval().toMillis(), health, series);
    }

    private static Check check(HealthCheckResponse r) {
        return new Check(r.getName(), r.getStatus() == HealthCheckResponse.Status.UP, r.getData().map(TreeMap::new).orElseGet(TreeMap::new));
    }
}
