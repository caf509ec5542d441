package dev.tusk.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers did, by key, with the time of each event (in-container tests read it). */
@ApplicationScoped
public class JobLedger {
    private final Map<String, List<Long>> events = new ConcurrentHashMap<>();

    public void record(String key) {
        events.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
    }

    public int count(String key) {
        return events.getOrDefault(key, List.of()).size();
    }

    public List<Long> times(String key) {
        return events.getOrDefault(key, List.of());
    }
}
