package dev.tusk.queue;

import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;

/** Handlers that only exist in the tests' deployment. */
public final class TestJobHandlers {
    private TestJobHandlers() {
    }

    static JsonObject args(JobContext context) {
        return Json.createReader(new StringReader(context.job().arguments())).readObject();
    }

    /** Records that it ran for its key. */
    @ApplicationScoped
    public static class Record implements JobHandler {
        @Inject JobLedger ledger;

        @Override
        public String type() {
            return "test.record";
        }

        @Override
        public JobOutcome run(JobContext context) {
            ledger.record(args(context).getString("key"));
            return JobOutcome.SUCCESS;
        }
    }

    /** Always fails, recording each attempt. */
    @ApplicationScoped
    public static class Fail implements JobHandler {
        @Inject JobLedger ledger;

        @Override
        public String type() {
            return "test.fail";
        }

        @Override
        public JobOutcome run(JobContext context) {
            ledger.record(args(context).getString("key"));
            throw new IllegalStateException("boom");
        }
    }

    /**
     * Writes an effect row in the job's transaction; on its first attempt it then waits until
     * its lease is lost (a test takes the job away), so that its effect must be rolled back.
     */
    @ApplicationScoped
    public static class Lease implements JobHandler {
        @Inject JobLedger ledger;
        @Resource(lookup = SchemaMigrations.DATASOURCE) DataSource dataSource;

        @Override
        public String type() {
            return "test.lease";
        }

        @Override
        public JobOutcome run(JobContext context) throws Exception {
            String key = args(context).getString("key");
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO queue_test_effects VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, context.job().attempt());
                ps.executeUpdate();
            }
            ledger.record(key + "/started/" + context.job().attempt());
            if (context.job().attempt() == 1) {
                long deadline = System.currentTimeMillis() + 20_000;
                while (!context.leaseLost() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(50);
                }
                if (context.leaseLost()) {
                    ledger.record(key + "/lost");
                }
            }
            return JobOutcome.SUCCESS;
        }
    }
}
