package dev.tusk.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The test servers' server.log (they share one WildFly home and run one after the other), read from a mark on. */
public final class ServerLog {
    public static final Path FILE = Path.of(System.getProperty("jboss.home", "target/wildfly"), "standalone/log/server.log");

    private ServerLog() {
    }

    /** Where the log ends now: lines written after it are read with {@link #linesSince}. */
    public static long mark() throws IOException {
        return Files.exists(FILE) ? Files.size(FILE) : 0;
    }

    /** The lines written since {@code mark} that match {@code wanted} (the log holds NUL bytes: read as bytes). */
    public static List<String> linesSince(long mark, Pattern wanted) throws IOException {
        List<String> lines = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            file.seek(mark);
            byte[] rest = new byte[(int) (file.length() - mark)];
            file.readFully(rest);
            for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
                if (wanted.matcher(line).find()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
