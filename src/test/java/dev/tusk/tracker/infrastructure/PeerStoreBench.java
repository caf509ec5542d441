package dev.tusk.tracker.infrastructure;

import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerStore;
import dev.tusk.tracker.infrastructure.postgres.PostgresPeerStore;
import dev.tusk.tracker.infrastructure.redis.RedisPeerStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MoChi's storage benchmark set (storage/test/storage_bench.go) against both stores in one run
 * ({@code bin/tusk bench stores}; a command, not a test): 1000 info hashes and 1000 peers,
 * alternating IPv4 and IPv6; swarms of 100 info hashes x 100 peers, half seeders, for the
 * announce and scrape cases; numWant 50. Every case first runs once on both stores (a warm-up
 * pass, as JMH's warm-up iterations), then each case runs 4 threads for a fixed time after a
 * warm-up and reports ns/op (elapsed time over all operations, as Go's RunParallel does).
 */
@ExtendWith(ArquillianExtension.class)
class PeerStoreBench {
    private static final int THREADS = 4;
    private static final long WARM_UP_MILLIS = 500;
    private static final long MEASURE_MILLIS = 2000;
    /** Every case once on both stores before any is measured. */
    private static final long WARM_UP_PASS_MILLIS = 1000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(PeerStoreBench.class);
    }

    @Inject PostgresPeerStore postgres;
    @Inject RedisPeerStore redis;
    @Resource ManagedThreadFactory threads;

    private final List<InfoHash> hashes = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();

    /** One benchmark operation: the i-th call. */
    @FunctionalInterface
    interface Op {
        void run(PeerStore store, int i) throws Exception;
    }

    @Test
    void mochiStorageBenchmarks() throws Exception {
        for (int i = 0; i < 1000; i++) {
            byte[] h = new byte[20];
            java.nio.ByteBuffer.wrap(h).putInt(i).putLong(0x5475736b42656e63L);
            hashes.add(InfoHash.of(h));
            byte[] id = new byte[20];
            java.nio.ByteBuffer.wrap(id).putLong(0x2d544b303030312dL).putInt(i);
            InetAddress address = i % 2 == 0
                    ? InetAddress.getByAddress(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i})
                    : InetAddress.getByName("2001:db8::" + Integer.toHexString(i + 1));
            peers.add(new Peer(PeerId.of(id), address, 1024 + i));
        }
        Map<String, Op> cases = new LinkedHashMap<>();
        cases.put("Put", (s, i) -> s.putSeeder(hashes.get(0), peers.get(0)));
        cases.put("Put1k", (s, i) -> s.putSeeder(hashes.get(0), peers.get(i % 1000)));
        cases.put("Put1kInfoHash", (s, i) -> s.putSeeder(hashes.get(i % 1000), peers.get(0)));
        cases.put("Put1kInfoHash1k", (s, i) -> s.putSeeder(hashes.get(i % 1000), peers.get(i * 3 % 1000)));
        cases.put("PutDelete", (s, i) -> putDelete(s, hashes.get(0), peers.get(0)));
        cases.put("PutDelete1k", (s, i) -> putDelete(s, hashes.get(0), peers.get(i % 1000)));
        cases.put("PutDelete1kInfoHash", (s, i) -> putDelete(s, hashes.get(i % 1000), peers.get(0)));
        cases.put("PutDelete1kInfoHash1k", (s, i) -> putDelete(s, hashes.get(i % 1000), peers.get(i * 3 % 1000)));
        cases.put("DeleteNonexist", (s, i) -> s.deleteSeeder(hashes.get(0), peers.get(0)));
        cases.put("DeleteNonexist1k", (s, i) -> s.deleteSeeder(hashes.get(0), peers.get(i % 1000)));
        cases.put("DeleteNonexist1kInfoHash", (s, i) -> s.deleteSeeder(hashes.get(i % 1000), peers.get(0)));
        cases.put("DeleteNonexist1kInfoHash1k", (s, i) -> s.deleteSeeder(hashes.get(i % 1000), peers.get(i * 3 % 1000)));
        cases.put("PutGradDelete", (s, i) -> putGradDelete(s, hashes.get(0), peers.get(0)));
        cases.put("PutGradDelete1k", (s, i) -> putGradDelete(s, hashes.get(0), peers.get(i % 1000)));
        cases.put("PutGradDelete1kInfoHash", (s, i) -> putGradDelete(s, hashes.get(i % 1000), peers.get(0)));
        cases.put("PutGradDelete1kInfoHash1k", (s, i) -> putGradDelete(s, hashes.get(i % 1000), peers.get(i * 3 % 1000)));
        cases.put("GradNonexist", (s, i) -> gradNonexist(s, hashes.get(0), peers.get(0)));
        cases.put("GradNonexist1k", (s, i) -> gradNonexist(s, hashes.get(0), peers.get(i % 1000)));
        cases.put("GradNonexist1kInfoHash", (s, i) -> gradNonexist(s, hashes.get(i % 1000), peers.get(0)));
        cases.put("GradNonexist1kInfoHash1k", (s, i) -> gradNonexist(s, hashes.get(i % 1000), peers.get(i * 3 % 1000)));
        cases.put("AnnounceLeecher", (s, i) -> s.announcePeers(hashes.get(0), false, 50, i % 2 == 1));
        cases.put("AnnounceLeecher1kInfoHash", (s, i) -> s.announcePeers(hashes.get(i % 100), false, 50, i % 2 == 1));
        cases.put("AnnounceSeeder", (s, i) -> s.announcePeers(hashes.get(0), true, 50, i % 2 == 1));
        cases.put("AnnounceSeeder1kInfoHash", (s, i) -> s.announcePeers(hashes.get(i % 100), true, 50, i % 2 == 1));
        cases.put("ScrapeSwarm", (s, i) -> s.scrapeSwarm(hashes.get(0)));
        cases.put("ScrapeSwarm1kInfoHash", (s, i) -> s.scrapeSwarm(hashes.get(i % 100)));

        // The JIT compiles the server's whole path (JAX-RS aside) for both stores before any case
        // counts; measured without it, the first cases paid for compilation (Put: 125,817 ns/op
        // before, 63,654 ns/op after, the same code).
        for (Map.Entry<String, Op> c : cases.entrySet()) {
            prepare(c.getKey());
            run(postgres, c.getValue(), WARM_UP_PASS_MILLIS);
            run(redis, c.getValue(), WARM_UP_PASS_MILLIS);
        }
        StringBuilder out = new StringBuilder(String.format("%n%-28s %14s %14s %8s%n", "case (ns/op)", "PostgreSQL", "Redis", "PG/Redis"));
        for (Map.Entry<String, Op> c : cases.entrySet()) {
            prepare(c.getKey());
            double pg = measure(postgres, c.getValue());
            double rd = measure(redis, c.getValue());
            out.append(String.format("%-28s %14.0f %14.0f %8.2f%n", c.getKey(), pg, rd, pg / rd));
        }
        out.append(String.format("(%d threads, %d ms a case after a %d ms warm-up pass of every case and %d ms of warm-up, %d cores)%n",
                THREADS, MEASURE_MILLIS, WARM_UP_PASS_MILLIS, WARM_UP_MILLIS, Runtime.getRuntime().availableProcessors()));
        System.out.println(out);
    }

    /** The announce cases read 100 swarms of 100 peers. */
    private void prepare(String name) {
        if (name.startsWith("Announce")) {
            populate(postgres);
            populate(redis);
        }
    }

    private static void putDelete(PeerStore s, InfoHash h, Peer p) {
        s.putSeeder(h, p);
        s.deleteSeeder(h, p);
    }

    private static void putGradDelete(PeerStore s, InfoHash h, Peer p) {
        s.putLeecher(h, p);
        s.graduateLeecher(h, p);
        s.deleteSeeder(h, p);
    }

    private static void gradNonexist(PeerStore s, InfoHash h, Peer p) {
        s.graduateLeecher(h, p);
        s.deleteSeeder(h, p);
    }

    /** 100 swarms of 100 peers, half seeders. */
    private void populate(PeerStore s) {
        for (int h = 0; h < 100; h++) {
            for (int p = 0; p < 100; p++) {
                if (p % 2 == 0) {
                    s.putSeeder(hashes.get(h), peers.get(p));
                } else {
                    s.putLeecher(hashes.get(h), peers.get(p));
                }
            }
        }
    }

    private double measure(PeerStore store, Op op) throws Exception {
        run(store, op, WARM_UP_MILLIS);
        AtomicLong ops = new AtomicLong();
        long started = System.nanoTime();
        ops.set(run(store, op, MEASURE_MILLIS));
        return (System.nanoTime() - started) / (double) ops.get();
    }

    private long run(PeerStore store, Op op, long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        List<FutureTask<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * 250;
            FutureTask<Long> task = new FutureTask<>(() -> {
                long n = 0;
                while (System.nanoTime() < deadline) {
                    op.run(store, (int) (offset + n));
                    n++;
                }
                return n;
            });
            tasks.add(task);
            threads.newThread(task).start();
        }
        long total = 0;
        for (FutureTask<Long> task : tasks) {
            total += task.get();
        }
        return total;
    }
}
