package dev.tusk.platform.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TrackerHttp;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bodies shorter than their Content-Length, and headers that never end, cannot hold the server's
 * workers: the listener's read timeout (TUSK_HTTP_READ_TIMEOUT_MS, 5 s) ends them, and requests
 * go on being served meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowBodyIT {
    /** The read timeout and a margin for a loaded machine; the finding was 15 s and more. */
    private static final long GIVE_UP_MILLIS = 12_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @Test
    void shortBodiesAndEndlessHeadersAreDroppedWhileOthersAreServed() throws Exception {
        String[] stalls = {
            "PUT /kv/" + HostileRequests.NAMESPACE + "/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: 100\r\n\r\n0123456789",
            "POST /image HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: 5000\r\n\r\n--B\r\n",
            "PUT /api/admin/kv/namespaces/slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{",
            "GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: "};
        List<Socket> sockets = new ArrayList<>();
        // more stalled requests than a small worker pool would survive
        for (int i = 0; i < 8; i++) {
            for (String stall : stalls) {
                Socket s = new Socket("127.0.0.1", TrackerHttp.PORT);
                s.setSoTimeout((int) GIVE_UP_MILLIS + 10_000);
                s.getOutputStream().write(stall.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                sockets.add(s);
            }
        }
        long started = System.nanoTime();
        assertThat(RawHttp.get(TrackerHttp.PORT, "/ping").status()).as("served while others stall").isEqualTo(200);
        for (Socket s : sockets) {
            try (s; InputStream in = s.getInputStream()) {
                byte[] reply = in.readAllBytes();
                String text = new String(reply, StandardCharsets.ISO_8859_1);
                assertThat(text).as("a stalled request gets no success").doesNotStartWith("HTTP/1.1 2").doesNotContain("Exception");
            }
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertThat(waited).as("ms until the server dropped a stalled request").isLessThan(GIVE_UP_MILLIS);
        }
    }
}
