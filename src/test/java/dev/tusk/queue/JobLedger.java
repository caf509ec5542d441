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

    private final Map<String, List<String>> threads = new ConcurrentHashMap<>();

    public void record(String key) {
        events.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
        threads.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(Thread.currentThread().getName());
    }

    /** The threads that recorded the key, in order. */
    public List<String> threads(String key) {
        return threads.getOrDefault(key, List.of());
    }

    public int count(String key) {
        return events.getOrDefault(key, List.of()).size();
    }

    public List<Long> times(String key) {
        return events.getOrDefault(key, List.of());
    }
}
