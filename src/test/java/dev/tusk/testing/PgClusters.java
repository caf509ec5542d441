package dev.tusk.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The tests' own PostgreSQL clusters (bin/tusk test makes them), stopped and started like a failing host. */
public final class PgClusters {
    private PgClusters() {
    }

    public static void stop(String cluster) {
        pgCtl(cluster, "stop", "-m", "fast");
    }

    public static void start(String cluster) {
        pgCtl(cluster, "start");
    }

    private static void pgCtl(String cluster, String... action) {
        try {
            String version = new String(new ProcessBuilder("bash", "-c", "ls /usr/lib/postgresql | sort -n | tail -1")
                    .start().getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            List<String> command = new ArrayList<>(List.of("pg_ctlcluster", version, cluster));
            command.addAll(List.of(action));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctlcluster " + cluster + " " + String.join(" ", action) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
