package dev.tusk.media;

import dev.tusk.media.domain.HashCursor;
import dev.tusk.media.domain.MediaRepository;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media benchmark (a command, not a test: {@code bin/tusk bench media}). Hash paging at
 * 10k and at 1M hashes: pages of 20 from random positions by Tusk's keyset cursor, beside
 * OFFSET paging (what a listing without a keyset does) in the same run; and upload-to-claim
 * latency of small images (backgrounded upload, then claim, over HTTP on this node).
 */
@ExtendWith(ArquillianExtension.class)
class MediaBench {
    static final int PAGES = Integer.getInteger("bench.pages", 200);
    static final int UPLOADS = Integer.getInteger("bench.uploads", 100);

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(MediaBench.class, Multipart.class, MediaHttpIT.class);
    }

    @Inject MediaRepository.Hashes hashes;

    @Test
    void bench() throws Exception {
        System.out.println("media bench (PostgreSQL on this machine, pages of 20 from random positions)");
        for (int total : new int[] {10_000, 1_000_000}) {
            fill(total);
            List<HashCursor> starts = starts(total);
            List<Long> keyset = new ArrayList<>();
            for (HashCursor c : starts) {
                long t = System.nanoTime();
                hashes.page(c, 20);
                keyset.add(System.nanoTime() - t);
            }
            List<Long> offset = new ArrayList<>();
            Random r = new Random(7);
            try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT hash FROM hashes ORDER BY created_at DESC, hash DESC OFFSET ? LIMIT 21")) {
                for (int i = 0; i < PAGES; i++) {
                    ps.setInt(1, r.nextInt(total));
                    long t = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getBytes(1);
                        }
                    }
                    offset.add(System.nanoTime() - t);
                }
            }
            System.out.printf("  %,9d hashes  keyset page p50 %.2f ms p99 %.2f ms   | OFFSET page p50 %.2f ms p99 %.2f ms%n", total,
                    ms(keyset, 50), ms(keyset, 99), ms(offset, 50), ms(offset, 99));
        }
        List<Long> claims = new ArrayList<>();
        byte[] png = MediaHttpIT.image("png", 64, 64, 1);
        for (int i = 0; i < UPLOADS; i++) {
            byte[] distinct = MediaHttpIT.image("png", 64, 64, i + 100);
            long t = System.nanoTime();
            HttpResponse<String> started = Multipart.post("/image/backgrounded", List.of(i % 2 == 0 ? distinct : png));
            String id = Json.createReader(new StringReader(started.body())).readObject().getJsonArray("uploads").getJsonObject(0)
                    .getString("upload_id");
            int status;
            do {
                status = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:8080/image/backgrounded/claim?upload_id=" + id)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } while (status == 204);
            claims.add(System.nanoTime() - t);
        }
        System.out.printf("  upload to claim, %d small PNGs (64x64, half duplicates): p50 %.1f ms p99 %.1f ms%n", UPLOADS,
                ms(claims, 50), ms(claims, 99));
    }

    /** Brings the table to {@code total} hashes (same timestamps for runs of 10, so ties are paged too). */
    private static void fill(int total) throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*) FROM hashes");
            rs.next();
            long have = rs.getLong(1);
            if (have < total) {
                s.executeUpdate("INSERT INTO hashes (hash, identifier, created_at)"
                        + " SELECT decode(md5(i::text) || md5('x' || i) || lpad(to_hex(i), 12, '0') || '01', 'hex'),"
                        + " 'originals/bench-' || i, now() - (i / 10) * interval '1 second'"
                        + " FROM generate_series(" + (have + 1) + ", " + total + ") i ON CONFLICT DO NOTHING");
                s.execute("ANALYZE hashes");
            }
        }
    }

    private static List<HashCursor> starts(int total) throws Exception {
        List<HashCursor> starts = new ArrayList<>();
        Random r = new Random(3);
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT hash, created_at FROM hashes ORDER BY created_at DESC, hash DESC OFFSET ? LIMIT 1")) {
            for (int i = 0; i < PAGES; i++) {
                ps.setInt(1, r.nextInt(total));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    starts.add(new HashCursor(rs.getTimestamp(2).toInstant(), dev.tusk.media.domain.ContentHash.fromBytes(rs.getBytes(1))));
                }
            }
        }
        return starts;
    }

    private static double ms(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
