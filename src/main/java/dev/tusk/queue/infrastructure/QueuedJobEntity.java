package dev.tusk.queue.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/** A row of {@code job_queue}, read for operators; the engine changes rows with SQL. */
@Entity
@Immutable
@Table(name = "job_queue")
@NamedQuery(name = QueuedJobEntity.RUNNING,
        query = "SELECT j FROM QueuedJobEntity j WHERE j.status = 'running' ORDER BY j.heartbeat")
public class QueuedJobEntity {
    static final String RUNNING = "QueuedJob.running";

    @Id
    private UUID id;
    private String queue;
    @Formula("job->>'type'")
    private String type;
    private String status;
    private UUID worker;
    private Instant heartbeat;
    @Column(name = "attempts")
    private int attempts;

    public UUID id() {
        return id;
    }

    public String queue() {
        return queue;
    }

    public String type() {
        return type;
    }

    public UUID worker() {
        return worker;
    }

    public Instant heartbeat() {
        return heartbeat;
    }

    public int attempts() {
        return attempts;
    }
}
