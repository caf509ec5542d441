package dev.tusk.queue.infrastructure;

import dev.tusk.queue.domain.JobBrowser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Operators' views of the queue through the JPA entities. */
@ApplicationScoped
public class JpaJobBrowser implements JobBrowser {

    @PersistenceContext(unitName = "tusk") EntityManager em;

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

    @Override
    public Set<String> held(String argument, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        @SuppressWarnings("unchecked")
        List<String> held = em.createNativeQuery("""
                SELECT DISTINCT v.value
                FROM jsonb_array_elements_text(CAST(?1 AS jsonb)) AS v(value)
                JOIN (SELECT job->'args'->>?2 AS held FROM job_queue
                      UNION ALL SELECT job->'args'->>?2 FROM job_queue_failed) AS j ON j.held = v.value""", String.class)
                .setParameter(1, array.build().toString())
                .setParameter(2, argument)
                .getResultList();
        return new HashSet<>(held);
    }
}
