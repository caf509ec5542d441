package dev.tusk.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Tusk's own database (media, queue, KV catalog, batch executions) answers within two
 * seconds (MicroProfile Health, {@code :9990/health/ready}, check {@code tusk-database}).
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {
    static final String NAME = "tusk-database";
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(TIMEOUT_SECONDS)) {
                return HealthCheckResponse.up(NAME);
            }
            return down("the database did not answer within " + TIMEOUT_SECONDS + " s");
        } catch (SQLException e) {
            return down(e.getMessage());
        }
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.named(NAME).down().withData("error", error == null ? "unavailable" : error).build();
    }
}
