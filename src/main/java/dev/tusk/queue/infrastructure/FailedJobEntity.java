package dev.tusk.queue.infrastructure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code job_queue_failed}: a job that used up its retries, kept for an operator. */
@Entity
@Immutable
@Table(name = "job_queue_failed")
@NamedQuery(name = FailedJobEntity.NEWEST_FIRST, query = "SELECT f FROM FailedJobEntity f ORDER BY f.failedAt DESC")
public class FailedJobEntity extends JobRow {
    static final String NEWEST_FIRST = "FailedJob.newestFirst";

    @Column(name = "last_error") private String lastError;
    @Column(name = "failed_at") private Instant failedAt;

    public String lastError() {
        return lastError;
    }

    public Instant failedAt() {
        return failedAt;
    }
}
