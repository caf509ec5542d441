package dev.tusk.queue.infrastructure;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of {@code job_queue}, read for operators; the engine changes rows with SQL. */
@Entity
@Immutable
@Table(name = "job_queue")
@NamedQuery(name = QueuedJobEntity.RUNNING,
        query = "SELECT j FROM QueuedJobEntity j WHERE j.status = 'running' ORDER BY j.heartbeat")
public class QueuedJobEntity extends JobRow {
    static final String RUNNING = "QueuedJob.running";

    private String status;
    private UUID worker;
    private Instant heartbeat;

    public UUID worker() {
        return worker;
    }

    public Instant heartbeat() {
        return heartbeat;
    }
}
