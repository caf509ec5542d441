package dev.tusk.platform.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.kv.KvParade;
import dev.tusk.testing.Bdecoder;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.ServerLog;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reliability suite's hostile input: thousands of generated requests ({@link HostileRequests},
 * seed {@code -Dtusk.hostile.seed}, count {@code -Dtusk.hostile.cases}) over every public and admin
 * endpoint. No answer is a 5xx, no body names an exception, a class or a framework, a request that
 * cannot be valid is refused with a 4xx and leaves no peer, key, hash or file behind, and the
 * server logs no ERROR or SEVERE line (nor a WARN of the HTTP layers) for any of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {
    private static final long SEED = Long.getLong("tusk.hostile.seed", 20261203L);
    private static final int CASES = Integer.getInteger("tusk.hostile.cases", 3000);
    private static final Path HOME = Path.of(System.getProperty("jboss.home", "target/wildfly"));
    private static final Path MEDIA_FILES = HOME.resolve("standalone/data/tusk-media");
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |RESTEASY|UT0\\d{4}|HHH\\d|org\\.hibernate|java\\.lang|jakarta\\.|dev\\.tusk|SQLState|ERROR:");
    private static final Pattern UPLOAD_ID = Pattern.compile("\"upload_id\":\"([0-9a-f-]{36})\"");
    private static final Pattern LOGGED_ERROR = Pattern.compile(
            "^\\S+ \\S+ (ERROR|SEVERE|FATAL) |^\\S+ \\S+ WARN +\\[(io\\.undertow|org\\.jboss\\.resteasy|dev\\.tusk|org\\.hibernate)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @Test
    void hostileRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
        KvParade.buildThroughAdminApi();
        RawHttp.Reply ns = KvParade.admin("PUT", "/namespaces/" + HostileRequests.NAMESPACE, "{}");
        assertThat(ns.status()).as(ns.text()).isEqualTo(200);
        long logFrom = ServerLog.mark();
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        Set<Path> filesBefore = files();

        HostileRequests requests = new HostileRequests(SEED);
        List<String> problems = new ArrayList<>();
        List<byte[]> refusedHashes = new ArrayList<>();
        List<String> refusedKeys = new ArrayList<>();
        List<String> uploadIds = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < CASES; i++) {
            HostileRequests.Case c = requests.next();
            RawHttp.Reply reply = RawHttp.exchange(c.from(), TrackerHttp.PORT, c.request());
            outcomes.merge(c.family() + " " + reply.status(), 1, Integer::sum);
            String problem = judge(c, reply);
            if (problem != null) {
                problems.add(problem + " <- " + c.describe() + " -> " + abbreviate(reply.text()));
            }
            if (c.refusedHash() != null && problem == null) {
                refusedHashes.add(c.refusedHash());
            }
            if (c.family().equals("upload") && reply.status() == 202) {
                Matcher id = UPLOAD_ID.matcher(reply.text());
                while (id.find()) {
                    uploadIds.add(id.group(1));
                }
            }
            if (c.refusedKey() != null && reply.status() >= 400) {
                refusedKeys.add(c.refusedKey());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("hostile input: seed %d, %d requests in %d ms, outcomes (family status: count) %s%n", SEED, CASES, millis, outcomes);

        for (byte[] hash : refusedHashes) {
            Map<String, Object> counts = TrackerHttp.scrapeOne(hash);
            if (!Long.valueOf(0).equals(counts.get("complete")) || !Long.valueOf(0).equals(counts.get("incomplete"))) {
                problems.add("a refused announce left peers in swarm " + RawHttp.percentEncode(hash) + ": " + counts);
            }
        }
        Thread.sleep(500); // anything written behind has reached the store by now
        for (byte[] hash : refusedHashes) {
            try (Connection c = TestDatabase.connect();
                    PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM mo_peers WHERE info_hash = ?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        problems.add("a refused announce wrote rows for " + RawHttp.percentEncode(hash));
                    }
                }
            }
        }
        for (String id : uploadIds) {
            // claimed as a client would: the junk was not an image, so the claim reports the refusal
            RawHttp.Reply claim;
            do {
                claim = RawHttp.get(TrackerHttp.PORT, "/image/backgrounded/claim?upload_id=" + id);
            } while (claim.status() == 204);
            if (claim.status() < 400 || claim.status() >= 500) {
                problems.add("a backgrounded upload of junk claimed as " + claim.status() + ": " + abbreviate(claim.text()));
            }
        }
        for (String key : refusedKeys) {
            RawHttp.Reply r = RawHttp.get(TrackerHttp.PORT, "/kv/" + HostileRequests.NAMESPACE + "/" + key);
            if (r.status() != 404) {
                problems.add("a refused KV write left key " + key + " (GET answered " + r.status() + ")");
            }
        }
        long hashes = hashesSince(since);
        if (hashes != 0) {
            problems.add("refused uploads stored " + hashes + " hashes");
        }
        Set<Path> newFiles = files();
        newFiles.removeAll(filesBefore);
        if (!newFiles.isEmpty()) {
            problems.add("refused uploads left files in the media store: " + newFiles);
        }
        problems.addAll(loggedErrors(logFrom));

        assertThat(problems).as("seed %d: replay with -Dtusk.hostile.seed=%d", SEED, SEED).isEmpty();
        assertThat(refusedHashes).as("refused announces checked").isNotEmpty();
        assertThat(refusedKeys).as("refused KV writes checked").isNotEmpty();
    }

    /** What is wrong with a reply, or null. */
    private static String judge(HostileRequests.Case c, RawHttp.Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "server error " + status;
        }
        if (LEAK.matcher(reply.text()).find()) {
            return "internals in the body";
        }
        if (c.expect() == HostileRequests.Expect.REFUSED && (status < 400 || status >= 500)) {
            return "not refused: " + status;
        }
        if (c.refusedHash() != null && status == 200 && !Bdecoder.dict(reply.body()).containsKey("failure reason")) {
            return "an announce without a valid port was accepted";
        }
        return null;
    }

    private static List<String> loggedErrors(long from) throws IOException {
        return ServerLog.linesSince(from, LOGGED_ERROR).stream().map(line -> "logged: " + abbreviate(line)).toList();
    }

    private static Set<Path> files() throws IOException {
        if (!Files.exists(MEDIA_FILES)) {
            return new HashSet<>();
        }
        try (Stream<Path> all = Files.walk(MEDIA_FILES)) {
            return all.filter(Files::isRegularFile).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static long hashesSince(Timestamp since) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM hashes WHERE created_at >= ?")) {
            ps.setTimestamp(1, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
