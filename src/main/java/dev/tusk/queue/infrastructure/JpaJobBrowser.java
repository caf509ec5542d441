package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.JobBrowser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Operators' views of the queue through the JPA entities. */
@ApplicationScoped
public class JpaJobBrowser implements JobBrowser {

    @PersistenceContext(unitName = "tusk")
    EntityManager em;

    @Override
    public List<RunningJob> running(int limit) {
        return em.createNamedQuery(QueuedJobEntity.RUNNING, QueuedJobEntity.class).setMaxResults(limit)
                .getResultStream()
                .map(j -> new RunningJob(j.id(), j.queue(), j.type(), j.worker(), j.heartbeat(), j.attempts()))
                .toList();
    }

    @Override
    public List<FailedJob> failed(int limit) {
        return em.createNamedQuery(FailedJobEntity.NEWEST_FIRST, FailedJobEntity.class).setMaxResults(limit)
                .getResultStream()
                .map(f -> new FailedJob(f.id(), f.queue(), f.type(), f.attempts(), f.lastError(), f.failedAt()))
                .toList();
    }
}
