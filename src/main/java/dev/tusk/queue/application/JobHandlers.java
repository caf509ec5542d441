package dev.tusk.queue.application;

import dev.tusk.queue.spi.JobHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers CDI found, by the job type each runs. */
@ApplicationScoped
public class JobHandlers {

    @Inject
    @Any
    Instance<JobHandler> all;

    private final Map<String, JobHandler> byType = new HashMap<>();

    @PostConstruct
    void index() {
        all.forEach(this::register);
    }

    void register(JobHandler handler) {
        JobHandler previous = byType.putIfAbsent(handler.type(), handler);
        if (previous != null) {
            throw new IllegalStateException("two handlers for job type " + handler.type() + ": "
                    + previous.getClass().getName() + " and " + handler.getClass().getName());
        }
    }

    public Optional<JobHandler> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
