package dev.tusk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queue's operators' endpoints and metrics, over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class QueueAdminIT {
    private static final int PORT = 8080;
    private static final String BASE = "/api/admin/queue";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static RawHttp.Reply admin(String method, String path) {
        return RawHttp.request(PORT, method, path, null, AdminCredentials.header());
    }

    private static UUID insertFailedJob() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO job_queue_failed (id, queue, job, attempts, last_error, queue_time)"
                        + " VALUES (?, 'cleanup', '{\"type\":\"nobody.handles.this\",\"args\":{}}', 5, 'it broke', now())")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static boolean exists(String table, UUID id) throws Exception {
        try (Connection c = TestDatabase.connect();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void needsTheAdminPassword() {
        assertThat(RawHttp.get(PORT, BASE).status()).isEqualTo(401);
    }

    @Test
    void listsBothQueuesWithTheirLengths() {
        RawHttp.Reply reply = admin("GET", BASE);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).contains("\"queue\":\"process\"").contains("\"queue\":\"cleanup\"").contains("\"waiting\":").contains("\"failed\":");
        assertThat(admin("GET", BASE + "/running").status()).isEqualTo(200);
    }

    @Test
    void failedJobsAreListedAndCanBeRetriedOrDeleted() throws Exception {
        UUID retried = insertFailedJob();
        UUID deleted = insertFailedJob();
        RawHttp.Reply list = admin("GET", BASE + "/failed");
        assertThat(list.text()).contains(retried.toString()).contains("it broke").contains("nobody.handles.this");

        assertThat(admin("POST", BASE + "/failed/" + retried + "/retry").status()).isEqualTo(204);
        assertThat(exists("job_queue_failed", retried)).isFalse();
        // back in its queue: it has no handler, so it is failing again or waiting for its next try
        assertThat(exists("job_queue", retried) || exists("job_queue_failed", retried)).isTrue();

        assertThat(admin("DELETE", BASE + "/failed/" + deleted).status()).isEqualTo(204);
        assertThat(exists("job_queue_failed", deleted)).isFalse();
        assertThat(admin("DELETE", BASE + "/failed/" + deleted).status()).isEqualTo(404);
        assertThat(admin("POST", BASE + "/failed/" + UUID.randomUUID() + "/retry").status()).isEqualTo(404);
    }

    @Test
    void aMalformedIdIsABadRequestWithAProblemBody() {
        RawHttp.Reply reply = admin("DELETE", BASE + "/failed/not-a-uuid");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("not a job id");
    }

    @Test
    void queueMetricsAreExported() {
        String metrics = RawHttp.get(9990, "/metrics").text();
        assertThat(metrics).contains("tusk_queue_length{WF_DEPLOYMENT=\"tusk.war\",queue=\"process\",status=\"new\"}");
    }
}
