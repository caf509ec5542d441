package dev.tusk.queue.application;

import dev.tusk.queue.spi.QueueDeclaration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The queues the engine's users declared (CDI beans of {@link QueueDeclaration}), by name. */
@ApplicationScoped
public class DeclaredQueues {

    @Inject @Any Instance<QueueDeclaration> declared;

    private final Map<String, QueueDeclaration> byName = new LinkedHashMap<>();
    private final Map<String, Integer> workers = new HashMap<>();

    @PostConstruct
    void collect() {
        declared.stream().sorted(Comparator.comparing(QueueDeclaration::name)).forEach(d -> declare(d, d.workers()));
    }

    void declare(QueueDeclaration queue, int queueWorkers) {
        if (byName.putIfAbsent(queue.name(), queue) != null) {
            throw new IllegalStateException("job queue '" + queue.name() + "' is declared twice");
        }
        workers.put(queue.name(), queueWorkers);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** @throws IllegalArgumentException when no queue of that name is declared */
    public QueueDeclaration require(String queue) {
        QueueDeclaration d = byName.get(queue);
        if (d == null) {
            throw new IllegalArgumentException("unknown job queue '" + queue + "' (known: " + names() + ")");
        }
        return d;
    }

    /** A queue's workers: its listener's sessions. */
    public int workers(String queue) {
        return workers.get(require(queue).name());
    }
}
