package dev.tusk.media.application.migration;

import dev.tusk.media.domain.MediaRepository;
import dev.tusk.media.domain.MediaStoreCatalog;
import dev.tusk.platform.batch.BatchJob;
import dev.tusk.platform.batch.InvalidJobParametersException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * {@code migrate-store}: copies every file of the media service (per hash: motion file,
 * variants, then the original) from one store to the other, repointing the repository, while
 * Tusk keeps serving (META-INF/batch-jobs/migrate-store.xml). A stopped, failed or killed run
 * resumes where it was; files are never copied twice; old files are kept.
 */
@ApplicationScoped
public class MigrateStoreJob implements BatchJob {
    public static final String NAME = "migrate-store";
    private static final Set<String> KNOWN = Set.of("from", "to", "skipMissingFiles", "concurrency", "retryDelayMillis");

    @Inject MediaRepository.Counts counts;
    @Inject MediaStoreCatalog stores;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Moves the media service's files from one store to the other (file or s3), repointing the repository";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter("from", "the store files are copied from: file or s3", null),
                new Parameter("to", "the store files are copied into: file or s3, not the same as from", null),
                new Parameter("skipMissingFiles", "true: a file missing from the source is skipped and counted; false: its hash fails", "false"),
                new Parameter("concurrency", "partitions working at once, 1 to 64", "32"),
                new Parameter("retryDelayMillis", "wait between the 10 tries of a copy", "3000"));
    }

    @Override
    public OptionalLong items(String step) {
        return "files".equals(step) ? OptionalLong.of(counts.now().hashes()) : OptionalLong.empty();
    }

    @Override
    public Properties check(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!KNOWN.contains(name) && !name.startsWith("jberet.")) {
                throw new InvalidJobParametersException("unknown parameter '" + name + "': " + NAME + " takes " + KNOWN);
            }
        }
        String from = store(given, "from");
        String to = store(given, "to");
        if (from.equals(to)) {
            throw new InvalidJobParametersException("from and to are the same store (" + from + ")");
        }
        String skip = given.getOrDefault("skipMissingFiles", "false").trim().toLowerCase(Locale.ROOT);
        if (!skip.equals("true") && !skip.equals("false")) {
            throw new InvalidJobParametersException("skipMissingFiles is true or false, not '" + given.get("skipMissingFiles") + "'");
        }
        int concurrency = number(given, "concurrency", 32, 1, 64);
        int delay = number(given, "retryDelayMillis", 3000, 0, 60_000);
        for (String store : List.of(from, to)) {
            try {
                stores.check(store);
            } catch (IOException e) {
                throw new InvalidJobParametersException("store " + store + ": " + e.getMessage());
            }
        }
        Properties p = new Properties();
        p.setProperty("from", from);
        p.setProperty("to", to);
        p.setProperty("skipMissingFiles", skip);
        p.setProperty("concurrency", Integer.toString(concurrency));
        p.setProperty("retryDelayMillis", Integer.toString(delay));
        return p;
    }

    private static String store(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidJobParametersException(name + " is required: file or s3");
        }
        String store = value.trim().toLowerCase(Locale.ROOT);
        if (!store.equals("file") && !store.equals("s3")) {
            throw new InvalidJobParametersException(name + " is file or s3, not '" + value + "'");
        }
        return store;
    }

    private static int number(Map<String, String> given, String name, int fallback, int min, int max) {
        String value = given.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidJobParametersException(name + " is a whole number from " + min + " to " + max + ", not '" + value + "'");
    }
}
