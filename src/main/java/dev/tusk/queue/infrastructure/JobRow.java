package dev.tusk.queue.infrastructure;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.hibernate.annotations.Formula;

/** What a row of {@code job_queue} and one of {@code job_queue_failed} both hold: the job, its queue, its type, its attempts. */
@MappedSuperclass
public abstract class JobRow {
    @Id private UUID id;
    private String queue;
    @Formula("job->>'type'") private String type;
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

    public int attempts() {
        return attempts;
    }
}
