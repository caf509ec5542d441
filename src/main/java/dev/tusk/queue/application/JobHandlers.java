package dev.tusk.queue.application;

import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobHandlerGroup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The handlers CDI found, alone or in groups, by the job type each runs. */
@ApplicationScoped
public class JobHandlers {

    @Inject @Any Instance<JobHandler> all;
    @Inject @Any Instance<JobHandlerGroup> groups;

    private final Map<String, JobHandler> byType = new HashMap<>();

    @PostConstruct
    void index() {
        all.forEach(this::register);
        groups.forEach(this::register);
    }

    void register(JobHandler handler) {
        JobHandler previous = byType.putIfAbsent(handler.type(), handler);
        if (previous != null) {
            throw new IllegalStateException("two handlers for job type " + handler.type() + ": "
                    + previous.getClass().getName() + " and " + handler.getClass().getName());
        }
    }

    void register(JobHandlerGroup group) {
        group.handlers().forEach(this::register);
    }

    public Optional<JobHandler> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }
}
