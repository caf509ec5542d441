package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.kv.KvParade;
import dev.tusk.media.Multipart;
import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.PgClusters;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.ServerLog;
import dev.tusk.testing.TrackerHttp;
import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tusk's PostgreSQL stopped and started under load, on a server of its own whose database (and KV
 * shard) is the cluster tusk_faults: during the outage readiness reports the database down, a KV
 * write or an upload is a 503 that names the store that failed (never a 500), announces of swarms in memory
 * are still answered; after it everything works again within seconds without a restart of WildFly,
 * every acknowledged KV write is there, every announce reaches mo_peers, and every acknowledged
 * backgrounded upload (an ingest job on the queue) is ingested exactly once, none left or failed.
 * The server runs the queue's timers fast (arquillian.xml), as the main test server does: a job
 * whose end could not be recorded during the outage is taken back after queue.stale_after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseFaultsIT {
    private static final String CLUSTER = "tusk_faults";
    private static final String DB = "jdbc:postgresql://127.0.0.1:5443/tusk_faults";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The faults server's file store (media.store.path in arquillian.xml). */
    private static final Path MEDIA = Path.of(System.getProperty("jboss.home", "target/wildfly"), "standalone/data/tusk-faults-media");
    /** What the EJB container and Artemis log when a queue's listener throws. */
    private static final Pattern QUEUE_LISTENER_ERROR = Pattern.compile("WFLYEJB0034|AMQ154004");
    private static final Pattern LEVEL_ERROR = Pattern.compile("^\\S+ \\S+ (ERROR|SEVERE) ");
    private static final Pattern LEVEL_WARN = Pattern.compile("^\\S+ \\S+ WARN ");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @AfterEach
    void databaseRunning() {
        try {
            PgClusters.start(CLUSTER);
        } catch (IllegalStateException alreadyRunning) {
            // started by the test itself
        }
    }

    /** Announces of one swarm and KV writes, as fast as they are answered, recording what was acknowledged. */
    private static final class Load implements Runnable {
        final byte[] swarm = TrackerHttp.randomBytes(20);
        final AtomicBoolean running = new AtomicBoolean(true);
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<byte[]> announced = new ConcurrentLinkedQueue<>();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        @Override
        public void run() {
            for (int i = 0; running.get(); i++) {
                byte[] peer = TrackerHttp.randomBytes(20);
                RawHttp.Reply a = RawHttp.get(TrackerHttp.PORT, "/announce?" + TrackerHttp.announceQuery(swarm, peer, 10_000 + i % 50_000, 5, ""));
                statuses.merge(a.status(), 1, Integer::sum);
                if (a.status() == 200 && !Bdecoder.dict(a.body()).containsKey("failure reason")) {
                    announced.add(peer);
                }
                String key = "k" + i;
                RawHttp.Reply w = RawHttp.request(TrackerHttp.PORT, "PUT", "/kv/faults/" + key, ("v" + i).getBytes(StandardCharsets.UTF_8),
                        "Content-Type: text/plain");
                statuses.merge(w.status(), 1, Integer::sum);
                if (w.status() == 200) {
                    acknowledged.put(key, "v" + i);
                }
            }
        }
    }

    /** Backgrounded uploads (each an ingest job on the queue), recording the ones acknowledged. */
    private static final class Uploads implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        @Override
        public void run() {
            while (running.get()) {
                try {
                    HttpResponse<String> r = Multipart.post("/image/backgrounded", List.of(png()));
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    if (r.statusCode() == 202) {
                        acknowledged.add(Json.createReader(new StringReader(r.body())).readObject()
                                .getJsonArray("uploads").getJsonObject(0).getString("upload_id"));
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    statuses.merge(-1, 1, Integer::sum);
                }
            }
        }
    }

    /**
     * Every acknowledged backgrounded upload is ingested once: its claim gives one file whose hash
     * has that one alias, a second claim finds nothing, and no job is left in the queue or failed.
     */
    private static void everyAcknowledgedUploadIsIngestedOnce(Uploads uploads, long failedBefore) throws Exception {
        for (String id : uploads.acknowledged) {
            HttpResponse<String> claimed = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get("/image/backgrounded/claim?upload_id=" + id), r -> r.statusCode() != 204);
            assertThat(claimed.statusCode()).as("upload " + id + ": " + claimed.body()).isEqualTo(200);
            String alias = Json.createReader(new StringReader(claimed.body())).readObject()
                    .getJsonArray("files").getJsonObject(0).getString("file");
            assertThat(count("SELECT count(*) FROM aliases WHERE hash = (SELECT hash FROM aliases WHERE alias = ?)", alias))
                    .as("upload " + id + " ingested once").isEqualTo(1);
            assertThat(get("/image/backgrounded/claim?upload_id=" + id).statusCode()).isEqualTo(404);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM job_queue", null) == 0);
        assertThat(count("SELECT count(*) FROM job_queue_failed", null)).as("no job failed for good").isEqualTo(failedBefore);
    }

    @Test
    void tuskRidesOutItsDatabaseStoppingAndStarting() throws Exception {
        KvParade.admin("PUT", "/zones/f1", null);
        KvParade.admin("PUT", "/shards/s0", "{\"position\":0}");
        assertThat(KvParade.admin("PUT", "/instances/f1-s0", "{\"shard\":\"s0\",\"zone\":\"f1\",\"jdbcUrl\":\"jdbc:postgresql://127.0.0.1:5443/"
                + "tusk_faults_kv\",\"username\":\"tusk\",\"password\":\"tusk\"}").status()).isEqualTo(200);
        assertThat(KvParade.admin("PUT", "/namespaces/faults", "{}").status()).isEqualTo(200);
        assertThat(upload().statusCode()).isEqualTo(201);

        long failedJobsBefore = count("SELECT count(*) FROM job_queue_failed", null);
        long logFrom = ServerLog.mark();
        Load load = new Load();
        Thread loader = new Thread(load, "load");
        loader.start();
        Uploads uploads = new Uploads();
        Thread uploader = new Thread(uploads, "uploads");
        uploader.start();
        Thread.sleep(1000);

        PgClusters.stop(CLUSTER);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            HttpResponse<String> ready = ready();
            return ready.statusCode() == 503 && ready.body().replace(" ", "").contains("{\"name\":\"tusk-database\",\"status\":\"DOWN\"");
        });
        assertThat(RawHttp.get(TrackerHttp.PORT, "/ping").status()).as("the tracker's store (PostgreSQL) does not answer").isEqualTo(503);
        RawHttp.Reply write = RawHttp.request(TrackerHttp.PORT, "PUT", "/kv/faults/during", new byte[] {1}, "Content-Type: text/plain");
        assertThat(write.status()).as(write.text()).isEqualTo(503);
        assertThat(write.text()).contains("\"status\":503").doesNotContain("Exception");
        HttpResponse<String> upload = upload();
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
        assertThat(upload.body()).contains("database").doesNotContain("Exception");
        Map<String, Object> announce = TrackerHttp.get("/announce?" + TrackerHttp.announceQuery(load.swarm, TrackerHttp.randomBytes(20), 6881, 0, ""));
        assertThat(announce).as("a swarm in memory is answered while the store is down").doesNotContainKey("failure reason");
        Thread.sleep(2000);

        long restarted = System.nanoTime();
        PgClusters.start(CLUSTER);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> ready().statusCode() == 200
                && RawHttp.request(TrackerHttp.PORT, "PUT", "/kv/faults/after", new byte[] {2}, "Content-Type: text/plain").status() == 200
                && upload().statusCode() == 201);
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        Thread.sleep(1000);
        load.running.set(false);
        uploads.running.set(false);
        loader.join();
        uploader.join();
        System.out.printf("database outage: statuses under load %s; ready, writing and uploading again %d ms after PostgreSQL started;"
                + " %d acknowledged KV writes, %d announces; backgrounded uploads %s, %d acknowledged%n", load.statuses,
                recoveryMillis, load.acknowledged.size(), load.announced.size(), uploads.statuses, uploads.acknowledged.size());
        assertThat(uploads.statuses.keySet()).as("uploads: accepted or refused with 503 only").allMatch(s -> s == 202 || s == 503);
        everyAcknowledgedUploadIsIngestedOnce(uploads, failedJobsBefore);
        everyHashHasItsFile();
        noTemporaryFileOutlivesTheSweep();
        assertThat(ServerLog.linesSince(logFrom, QUEUE_LISTENER_ERROR)).as("a queue's wake-up during the outage is no ERROR").isEmpty();
        System.out.printf("database outage: log lines at ERROR %d, at WARN %d%n", ServerLog.linesSince(logFrom, LEVEL_ERROR).size(),
                ServerLog.linesSince(logFrom, LEVEL_WARN).size());

        assertThat(load.statuses.keySet()).as("answers under load: successes and 503s only").allMatch(s -> s == 200 || s == 503);
        assertThat(load.statuses).as("writes were refused during the outage").containsKey(503);
        for (Map.Entry<String, String> e : load.acknowledged.entrySet()) {
            RawHttp.Reply r = RawHttp.get(TrackerHttp.PORT, "/kv/faults/" + e.getKey());
            assertThat(r.status()).as("acknowledged write " + e.getKey()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(e.getValue());
        }
        List<byte[]> peers = List.copyOf(load.announced);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> peersStored(load.swarm) >= peers.size());
    }

    /** No file of a stored hash was lost: each original is on disk. */
    private static void everyHashHasItsFile() throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "tusk", "tusk");
                ResultSet rs = c.createStatement().executeQuery("SELECT identifier FROM hashes")) {
            while (rs.next()) {
                assertThat(MEDIA.resolve(rs.getString(1))).as("an original's file").isRegularFile();
            }
        }
    }

    /**
     * A temporary file left behind (an upload whose transaction's end never reached Tusk, an
     * ingest whose end never reached it) goes at the sweep once older than media.upload_expiry:
     * the files are aged, and the faults server sweeps every 2 s. No job holds one any more.
     */
    private static void noTemporaryFileOutlivesTheSweep() throws Exception {
        List<Path> left = temporaryFiles();
        for (Path file : left) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> temporaryFiles().isEmpty());
        System.out.printf("database outage: %d temporary files left behind, swept%n", left.size());
    }

    private static List<Path> temporaryFiles() throws Exception {
        Path tmp = MEDIA.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    private static long peersStored(byte[] swarm) throws Exception {
        return count("SELECT count(*) FROM mo_peers WHERE info_hash = ?", swarm);
    }

    /** A count from the faults server's database; {@code arg} (text or bytes) fills the one placeholder, if any. */
    private static long count(String sql, Object arg) throws Exception {
        try (Connection c = DriverManager.getConnection(DB, "tusk", "tusk"); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TrackerHttp.PORT + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> ready() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload() throws Exception {
        return Multipart.post("/image", List.of(png()));
    }

    /** A small PNG unlike the others (its own hash). */
    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8 + (int) (System.nanoTime() % 50), 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, (int) System.nanoTime());
        image.setRGB(1, 0, java.util.concurrent.ThreadLocalRandom.current().nextInt());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
