package dev.tusk.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media service end to end over HTTP, as a pict-rs client uses it, against the real server,
 * PostgreSQL, JMS and the file store (target/wildfly/standalone/data/tusk-media).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaHttpIT {
    private static final Path STORE = Path.of(System.getProperty("jboss.home", "target/wildfly"), "standalone/data/tusk-media");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    static byte[] image(String format, int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        for (int i = 0; i < 20; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillRect(r.nextInt(width), r.nextInt(height), 1 + r.nextInt(width), 1 + r.nextInt(height));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF of {@code frames} frames. */
    static byte[] gif(int frames) {
        try {
            javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                for (int i = 0; i < frames; i++) {
                    writer.writeToSequence(new javax.imageio.IIOImage(ImageIO.read(new ByteArrayInputStream(image("png", 16, 16, i))), null, null), null);
                }
                writer.endWriteSequence();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAnimatedGifWithinTheFrameLimitIsTaken() {
        HttpResponse<String> r = Multipart.post("/image", List.of(gif(3)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(json(r.body()).getJsonArray("files").getJsonObject(0).getJsonObject("details").getInt("frames")).isEqualTo(3);
    }

    private static HttpResponse<byte[]> send(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path)).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject json(byte[] body) {
        return json(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long rows(String sql, String alias) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (alias != null) {
                ps.setString(1, alias);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> identifiersOf(byte[] hash) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT identifier FROM hashes WHERE hash = ? UNION ALL SELECT identifier FROM variants WHERE hash = ?")) {
            ps.setBytes(1, hash);
            ps.setBytes(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new java.util.ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }

    private static byte[] hashOf(String alias) throws Exception {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement("SELECT hash FROM aliases WHERE alias = ?")) {
            ps.setString(1, alias);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static long tmpFiles() throws IOException {
        Path tmp = STORE.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }

    @Test
    void uploadFetchThumbnailAndDeleteEndToEnd() throws Exception {
        byte[] png = image("png", 300, 200, 1);
        HttpResponse<String> inline = Multipart.post("/image", List.of(png, png));
        assertThat(inline.statusCode()).as(inline.body()).isEqualTo(201);
        var files = json(inline.body()).getJsonArray("files");
        assertThat(files).hasSize(2);
        String a1 = files.getJsonObject(0).getString("file");
        String a2 = files.getJsonObject(1).getString("file");
        assertThat(a1).isNotEqualTo(a2).endsWith(".png");
        assertThat(files.getJsonObject(0).getJsonObject("details").getInt("width")).isEqualTo(300);
        // the duplicate shares one hash and one stored file
        byte[] hash = hashOf(a1);
        assertThat(hashOf(a2)).isEqualTo(hash);
        assertThat(identifiersOf(hash)).hasSize(1);

        HttpResponse<byte[]> original = send("GET", "/image/original/" + a1);
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.body()).isEqualTo(png);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(original.headers().firstValue("ETag")).isPresent();
        HttpResponse<byte[]> head = send("HEAD", "/image/original/" + a2);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(png.length));
        assertThat(json(send("GET", "/image/details/original/" + a1).body()).getInt("height")).isEqualTo(200);

        HttpResponse<byte[]> thumb = send("GET", "/image/process.png?src=" + a1 + "&thumbnail=64");
        assertThat(thumb.statusCode()).isEqualTo(200);
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(new int[] {t.getWidth(), t.getHeight()}).containsExactly(64, 43);
        assertThat(send("GET", "/image/process.png?src=" + a2 + "&thumbnail=64").body()).isEqualTo(thumb.body());
        List<String> stored = identifiersOf(hash);
        assertThat(stored).hasSize(2);
        stored.forEach(id -> assertThat(STORE.resolve(id)).exists());

        String token1 = files.getJsonObject(0).getString("delete_token");
        String token2 = files.getJsonObject(1).getString("delete_token");
        HttpResponse<byte[]> wrong = send("DELETE", "/image/delete/" + token2 + "/" + a1);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(json(wrong.body()).getString("code")).isEqualTo("invalid-delete-token");
        assertThat(send("DELETE", "/image/delete/" + token1 + "/" + a1).statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hashOf(a1) == null);
        // another alias still holds the image
        assertThat(send("GET", "/image/original/" + a2).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/image/delete/" + token2 + "/" + a2).statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stored.stream().noneMatch(id -> Files.exists(STORE.resolve(id))));
        assertThat(identifiersOf(hash)).isEmpty();
        for (String id : stored) {
            assertThat(rows("SELECT count(*) FROM details WHERE identifier = ?", id)).isZero();
        }
        assertThat(send("GET", "/image/original/" + a2).statusCode()).isEqualTo(404);
    }

    @Test
    void aBackgroundedUploadIsClaimed() throws Exception {
        byte[] jpeg = image("jpeg", 120, 80, 2);
        HttpResponse<String> started = Multipart.post("/image/backgrounded", List.of(jpeg));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = json(started.body()).getJsonArray("uploads").getJsonObject(0).getString("upload_id");
        HttpResponse<byte[]> claimed = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> send("GET", "/image/backgrounded/claim?upload_id=" + id), r -> r.statusCode() != 204);
        assertThat(claimed.statusCode()).isEqualTo(200);
        String alias = json(claimed.body()).getJsonArray("files").getJsonObject(0).getString("file");
        assertThat(alias).endsWith(".jpeg");
        assertThat(send("GET", "/image/original/" + alias).body()).isEqualTo(jpeg);
        // claimed once: the upload is gone
        assertThat(send("GET", "/image/backgrounded/claim?upload_id=" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsAClearErrorAndLeavesNothingBehind() throws Exception {
        long hashes = rows("SELECT count(*) FROM hashes", null);
        long aliases = rows("SELECT count(*) FROM aliases", null);
        byte[] png = image("png", 50, 50, 3);
        expect(Multipart.post("/image", List.of("not an image at all".getBytes())), 415, "unsupported-media-type");
        expect(Multipart.post("/image", List.of(Arrays.copyOf(png, png.length / 2))), 422, "invalid-image");
        byte[] jpeg = image("jpeg", 200, 200, 4);
        expect(Multipart.post("/image", List.of(Arrays.copyOf(jpeg, jpeg.length * 2 / 3))), 422, "invalid-image");
        expect(Multipart.post("/image", List.of(image("png", 4001, 1, 5))), 413, "dimensions-too-large");
        expect(Multipart.post("/image", List.of(image("png", 1, 4001, 5))), 413, "dimensions-too-large");
        expect(Multipart.post("/image", List.of(gif(4))), 413, "too-many-frames");
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(png, 0, huge, 0, png.length);
        expect(Multipart.post("/image", List.of(huge)), 413, "file-too-large");
        expect(Multipart.post("/image", java.util.Collections.nCopies(11, png)), 400, "too-many-files");
        // a good file beside a bad one: neither is kept
        expect(Multipart.post("/image", List.of(image("png", 40, 40, 6), "nope".getBytes())), 415, "unsupported-media-type");
        assertThat(json(send("GET", "/image/original/no-such.png").body()).getString("code")).isEqualTo("not-found");
        assertThat(send("GET", "/image/process.png?src=no-such.png&thumbnail=10").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/image/process.png?src=x&thumbnail=big").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/image/process.webp?src=x&thumbnail=10").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/image/backgrounded/claim?upload_id=nope").statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/image/delete/t/no-such.png").statusCode()).isEqualTo(404);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rows("SELECT count(*) FROM aliases", null) == aliases
                && rows("SELECT count(*) FROM hashes", null) == hashes && tmpFiles() == 0);
        assertThat(rows("SELECT count(*) FROM uploads", null)).isZero();
    }

    private static void expect(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r.body()).getString("code")).isEqualTo(code);
        assertThat(json(r.body()).getString("msg")).isNotBlank();
    }

    private static HttpResponse<byte[]> internal(String method, String path, String key) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/internal/" + path))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (key != null) {
                b.header("X-Api-Token", key);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final String KEY = "test-internal-key";

    @Test
    void internalEndpointsNeedTheApiKeyAndWork() throws Exception {
        assertThat(internal("GET", "hashes", null).statusCode()).isEqualTo(403);
        assertThat(internal("GET", "hashes", "wrong").statusCode()).isEqualTo(403);
        // one request each, so that they are created in this order
        List<String> up = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            up.add(json(Multipart.post("/image", List.of(image("png", 30 + i, 30, 10 + i))).body()).getJsonArray("files")
                    .getJsonObject(0).getString("file"));
        }
        String a0 = up.get(0);
        String a2 = up.get(2);

        JsonObject first = json(internal("GET", "hashes?limit=2", KEY).body()).getJsonObject("page");
        assertThat(first.getJsonArray("hashes")).hasSize(2);
        assertThat(first.getJsonArray("hashes").getJsonObject(0).getJsonArray("aliases").getString(0)).isEqualTo(a2);
        String next = first.getString("next");
        JsonObject second = json(internal("GET", "hashes?limit=2&slug=" + next, KEY).body()).getJsonObject("page");
        assertThat(second.getJsonArray("hashes").getJsonObject(0).getJsonArray("aliases").getString(0)).isEqualTo(a0);
        assertThat(second.getString("prev")).isEqualTo(first.getString("current"));
        assertThat(internal("GET", "hashes?limit=0", KEY).statusCode()).isEqualTo(400);
        assertThat(internal("GET", "hashes?limit=x", KEY).statusCode()).isEqualTo(400);
        assertThat(internal("GET", "hashes?slug=%21%21", KEY).statusCode()).isEqualTo(400);
        assertThat(internal("GET", "hashes?timestamp=yesterday", KEY).statusCode()).isEqualTo(400);
        assertThat(json(internal("GET", "hashes?limit=1&timestamp=2000-01-01T00:00:00Z", KEY).body()).getJsonObject("page")
                .getJsonArray("hashes")).isEmpty();

        assertThat(json(internal("GET", "aliases?alias=" + a0, KEY).body()).getJsonArray("aliases").getString(0)).isEqualTo(a0);
        String identifier = json(internal("GET", "identifier?alias=" + a0, KEY).body()).getString("identifier");
        assertThat(STORE.resolve(identifier)).exists();
        assertThat(internal("GET", "identifier?alias=nope.png", KEY).statusCode()).isEqualTo(404);

        // variants: made, then all deleted with their files
        assertThat(send("GET", "/image/process.jpeg?src=" + a0 + "&thumbnail=8").statusCode()).isEqualTo(200);
        byte[] hash0 = hashOf(a0);
        String variantFile = identifiersOf(hash0).stream().filter(i -> i.startsWith("variants/")).findFirst().orElseThrow();
        assertThat(internal("DELETE", "variants", KEY).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(STORE.resolve(variantFile)));
        assertThat(identifiersOf(hash0)).containsExactly(identifier);

        // a file lost from the store: prune_missing removes its records
        String a1 = up.get(1);
        String lost = json(internal("GET", "identifier?alias=" + a1, KEY).body()).getString("identifier");
        Files.delete(STORE.resolve(lost));
        assertThat(internal("POST", "prune_missing", KEY).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> hashOf(a1) == null);
        assertThat(send("GET", "/image/original/" + a0).statusCode()).isEqualTo(200);

        // purge: every alias of the image
        assertThat(json(internal("POST", "purge?alias=" + a0, KEY).body()).getJsonArray("aliases")).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(STORE.resolve(identifier)));
        assertThat(send("GET", "/image/original/" + a0).statusCode()).isEqualTo(404);
    }

    /** Many first requests for the same thumbnail at once: one job, one variant, one file. */
    @Test
    void aThumbnailIsGeneratedOnceForConcurrentRequests() throws Exception {
        String alias = json(Multipart.post("/image", List.of(image("png", 90, 60, 20))).body()).getJsonArray("files").getJsonObject(0).getString("file");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<HttpResponse<byte[]>>> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            requests.add(pool.submit(() -> send("GET", "/image/process.png?src=" + alias + "&thumbnail=30")));
        }
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (var r : requests) {
            assertThat(r.get().statusCode()).isEqualTo(200);
            bodies.add(r.get().body());
        }
        pool.shutdown();
        bodies.forEach(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(identifiersOf(hashOf(alias)).stream().filter(i -> i.startsWith("variants/"))).hasSize(1);
        try (Stream<Path> files = Files.list(STORE.resolve("variants"))) {
            List<String> all = files.map(p -> "variants/" + p.getFileName()).toList();
            assertThat(all).containsAll(identifiersOf(hashOf(alias)).stream().filter(i -> i.startsWith("variants/")).toList());
        }
    }

    @Test
    void healthz() {
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);
    }
}
