package dev.tusk.tracker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import dev.tusk.testing.TrackerHttp;
import dev.tusk.testing.TrackerUdp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's aria2 and mktorrent against Tusk on loopback: a seeder and a leecher that can find
 * each other only through the tracker (no DHT, no local discovery, no peer exchange).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealClientsIT {
    private static final String ANNOUNCE = "http://127.0.0.1:" + TrackerHttp.PORT + "/announce";
    private static final String UDP_ANNOUNCE = "udp://127.0.0.1:" + TrackerUdp.PORT + "/announce";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @TempDir Path dir;

    /** aria2 on {@code port}; {@code udp}: with the DHT socket that aria2's UDP tracker client needs (port + 100). */
    private List<String> aria2(Path downloadDir, int port, Path torrent, boolean udp, String... extra) {
        List<String> cmd = new ArrayList<>(List.of("aria2c", "--enable-dht6=false"));
        cmd.addAll(udp
                ? List.of("--enable-dht=true", "--dht-listen-port=" + (port + 100), "--dht-file-path=" + dir.resolve("dht-" + port))
                : List.of("--enable-dht=false"));
        cmd.addAll(List.of("--bt-enable-lpd=false", "--enable-peer-exchange=false", "--listen-port=" + port,
                "--file-allocation=none", "--summary-interval=0", "--console-log-level=warn",
                "--bt-tracker-interval=2", "--dir=" + downloadDir));
        cmd.addAll(List.of(extra));
        cmd.add(torrent.toString());
        return cmd;
    }

    private static Process start(Path log, List<String> cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    @Test
    void aria2LeecherDownloadsTheWholeFileFromTheSeederTuskHandedOut() throws Exception {
        downloadThrough(ANNOUNCE, 52001);
    }

    /**
     * aria2 speaks UDP to trackers through its DHT socket, so DHT is on for the client, but the
     * torrent is private (BEP 27: no DHT, no peer exchange for it) and the DHT knows no node: the
     * peers meet only through Tusk's UDP tracker.
     */
    @Test
    void aria2LeecherDownloadsThroughTheUdpTrackerAlone() throws Exception {
        downloadThrough(UDP_ANNOUNCE, 52011, "-p");
    }

    /** A seeder on {@code port} and a leecher on {@code port + 1} that know only the tracker's URL. */
    private void downloadThrough(String announceUrl, int port, String... mktorrentOptions) throws Exception {
        Path seedDir = Files.createDirectories(dir.resolve("seed"));
        Path leechDir = Files.createDirectories(dir.resolve("leech"));
        Path payload = seedDir.resolve("payload.bin");
        Files.write(payload, TrackerHttp.randomBytes(4 * 1024 * 1024));
        Path torrent = dir.resolve("payload.torrent");
        List<String> mkCommand = new ArrayList<>(List.of("mktorrent", "-a", announceUrl, "-o", torrent.toString()));
        mkCommand.addAll(List.of(mktorrentOptions));
        mkCommand.add(payload.toString());
        boolean udp = announceUrl.startsWith("udp:");
        Process mk = new ProcessBuilder(mkCommand)
                .redirectErrorStream(true).redirectOutput(dir.resolve("mktorrent.log").toFile()).start();
        assertThat(mk.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mk.exitValue()).as(Files.readString(dir.resolve("mktorrent.log"))).isZero();
        byte[] infoHash = InfoHashOfTorrent.read(torrent);

        Process seeder = start(dir.resolve("seeder.log"), aria2(seedDir, port, torrent, udp,
                "--check-integrity=true", "--seed-ratio=0.0", "--seed-time=10"));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> assertThat(TrackerHttp.scrapeOne(infoHash)).containsEntry("complete", 1L));

            // seeding a few seconds after the download makes aria2 announce "completed" before
            // "stopped" (with --seed-time=0 it goes straight to "stopped")
            Process leecher = start(dir.resolve("leecher.log"), aria2(leechDir, port + 1, torrent, udp, "--seed-time=0.1"));
            boolean finished = leecher.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                leecher.destroyForcibly();
            }
            assertThat(finished).as(Files.readString(dir.resolve("leecher.log"))).isTrue();
            assertThat(leecher.exitValue()).as(Files.readString(dir.resolve("leecher.log"))).isZero();
            assertThat(sha256(leechDir.resolve("payload.bin"))).isEqualTo(sha256(payload));

            // the leecher announced completed (downloads + 1), then stopped; the seeder remains
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TrackerHttp.scrapeOne(infoHash))
                    .containsEntry("complete", 1L).containsEntry("incomplete", 0L).containsEntry("downloaded", 1L));
        } finally {
            seeder.destroy();
            if (!seeder.waitFor(10, TimeUnit.SECONDS)) {
                seeder.destroyForcibly();
            }
        }
    }

    /** Reads the info dictionary's SHA-1 from a .torrent file. */
    static final class InfoHashOfTorrent {
        private InfoHashOfTorrent() {
        }

        static byte[] read(Path torrent) throws Exception {
            byte[] data = Files.readAllBytes(torrent);
            int start = dev.tusk.testing.RawHttp.indexOf(data, "4:infod".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + 6;
            int end = skip(data, start);
            return MessageDigest.getInstance("SHA-1").digest(java.util.Arrays.copyOfRange(data, start, end));
        }

        /** The index just past the bencoded value at {@code at}. */
        private static int skip(byte[] d, int at) {
            switch (d[at]) {
                case 'i':
                    while (d[at] != 'e') {
                        at++;
                    }
                    return at + 1;
                case 'l':
                case 'd':
                    at++;
                    while (d[at] != 'e') {
                        at = skip(d, at);
                    }
                    return at + 1;
                default:
                    int colon = at;
                    while (d[colon] != ':') {
                        colon++;
                    }
                    int len = Integer.parseInt(new String(d, at, colon - at, java.nio.charset.StandardCharsets.US_ASCII));
                    return colon + 1 + len;
            }
        }
    }
}
