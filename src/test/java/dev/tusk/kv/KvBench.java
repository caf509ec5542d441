package dev.tusk.kv;

import dev.tusk.kv.application.CatalogService;
import dev.tusk.kv.application.KeyValueStore;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.testing.Deployments;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The KV benchmark (a command, not a test: {@code bin/tusk bench kv}), on the test parade (3
 * zones x 2 shards, one node): puts and gets per second through the in-process API from 4
 * threads; replication lag from acknowledgement in z1 to visibility in z2 and z3 at a paced
 * write rate; catch-up time of zone z3 after a partition (its cluster stopped) with writes
 * going on. pg_global_kv's design cannot go below about 1 s of lag (its 1 s safety buffer).
 */
@ExtendWith(ArquillianExtension.class)
class KvBench {
    static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int LAG_SECONDS = Integer.getInteger("bench.lag.seconds", 15);
    static final int PARTITION_SECONDS = Integer.getInteger("bench.partition.seconds", 60);

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(KvBench.class, KvParade.class);
    }

    @Inject CatalogService catalog;
    @Inject KeyValueStore kv;

    private static byte[] value(long i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bench() throws Exception {
        KvParade.setUp(catalog);
        double puts = flatOut(i -> kv.put("z1", new Key("it", "bench-" + i), ValueKind.JSON, value(i), null));
        double gets = flatOut(i -> kv.get("z1", new Key("it", "bench-" + (i % 5000))));
        List<Long> lags = lag();
        Collections.sort(lags);
        long catchUp = partition();
        System.out.println("kv bench (one node, 3 zones x 2 shards, PostgreSQL on this machine)");
        System.out.printf("  put            %,10.0f ops/s (4 threads, %d s)%n", puts, SECONDS);
        System.out.printf("  get            %,10.0f ops/s (4 threads, %d s)%n", gets, SECONDS);
        System.out.printf("  lag at %d writes/s for %d s, %d arrivals: p50 %d ms, p99 %d ms, max %d ms%n", RATE, LAG_SECONDS,
                lags.size(), percentile(lags, 50), percentile(lags, 99), lags.isEmpty() ? -1 : lags.get(lags.size() - 1));
        System.out.printf("  partition of z3 for %d s at %d writes/s: caught up %d ms after it came back (%.3f x the partition)%n",
                PARTITION_SECONDS, RATE, catchUp, catchUp / 1000.0 / PARTITION_SECONDS);
    }

    @FunctionalInterface
    interface Op {
        void run(long i) throws Exception;
    }

    private static double flatOut(Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    op.run(done.getAndIncrement());
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return done.get() / (double) SECONDS;
    }

    /** Writes in z1 at RATE/s; watchers see each key arrive in z2 and z3 (database polls every 5 ms). */
    private List<Long> lag() throws Exception {
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Map<String, Integer> seenBy = new ConcurrentHashMap<>();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        List<Future<?>> watching = new ArrayList<>();
        for (String zone : List.of("z2", "z3")) {
            watching.add(watchers.submit(() -> {
                List<Connection> shards = List.of(KvParade.connect(zone, "s0"), KvParade.connect(zone, "s1"));
                try {
                    while (writing.get() || !pending.isEmpty()) {
                        String[] keys = pending.keySet().toArray(String[]::new);
                        for (Connection c : shards) {
                            try (PreparedStatement ps = c.prepareStatement("SELECT key FROM kv_row WHERE namespace = 'it' AND key = ANY(?)")) {
                                ps.setArray(1, c.createArrayOf("text", keys));
                                try (ResultSet rs = ps.executeQuery()) {
                                    long now = System.nanoTime();
                                    while (rs.next()) {
                                        String key = rs.getString(1);
                                        Long acked = pending.get(key);
                                        if (acked != null && seenBy.merge(key + "@" + zone, 1, Integer::sum) == 1) {
                                            lags.add((now - acked) / 1_000_000);
                                            if (seenBy.merge(key, 1, Integer::sum) == 2) {
                                                pending.remove(key);
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        Thread.sleep(5);
                    }
                } finally {
                    for (Connection c : shards) {
                        c.close();
                    }
                }
                return null;
            }));
        }
        paced(LAG_SECONDS, "lag-", pending);
        writing.set(false);
        for (Future<?> f : watching) {
            f.get();
        }
        watchers.shutdown();
        return new ArrayList<>(lags);
    }

    private void paced(int seconds, String prefix, Map<String, Long> acked) {
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        for (long i = 0; i < (long) RATE * seconds; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            String key = prefix + i + "-" + start;
            kv.put("z1", new Key("it", key), ValueKind.JSON, value(i), null);
            if (acked != null) {
                acked.put(key, System.nanoTime());
            }
        }
    }

    /** Stops z3's cluster while writes go on, starts it, and times until z3 holds what z1 holds. */
    private long partition() throws Exception {
        KvParade.stopZone3();
        try {
            paced(PARTITION_SECONDS, "partition-", null);
        } finally {
            KvParade.startZone3();
        }
        long back = System.nanoTime();
        while (!KvParade.converged(KvParade.ZONES)) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - back) / 1_000_000;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
