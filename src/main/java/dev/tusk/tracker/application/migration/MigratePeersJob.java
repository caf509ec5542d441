package dev.tusk.tracker.application.migration;

import dev.tusk.platform.batch.BatchJob;
import dev.tusk.platform.batch.InvalidJobParametersException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code migrate-peers}: copies swarms (peers with their roles and last-seen times), download
 * counts and data contexts from one tracker store to the other, in checkpointed chunks
 * (META-INF/batch-jobs/migrate-peers.xml). Running it again changes nothing; a stopped or failed
 * execution restarts from its last checkpoint.
 */
@ApplicationScoped
public class MigratePeersJob implements BatchJob {
    public static final String NAME = "migrate-peers";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CHUNK_SIZE = "chunkSize";
    static final Set<String> STORES = Set.of("postgres", "redis");
    private static final int MAX_CHUNK = 10_000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Copies swarms, download counts and data contexts from one tracker store to the other";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter(FROM, "the store copied from: postgres or redis", null),
                new Parameter(TO, "the store copied into: postgres or redis, not the same as from", null),
                new Parameter(CHUNK_SIZE, "items read and written per transaction and checkpoint, 1 to " + MAX_CHUNK, "100"));
    }

    @Override
    public Properties check(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!name.equals(FROM) && !name.equals(TO) && !name.equals(CHUNK_SIZE) && !name.startsWith("jberet.")) {
                throw new InvalidJobParametersException("unknown parameter '" + name + "': " + NAME + " takes from, to and chunkSize");
            }
        }
        String from = store(given, FROM);
        String to = store(given, TO);
        if (from.equals(to)) {
            throw new InvalidJobParametersException("from and to are the same store (" + from + "): nothing to migrate");
        }
        int chunk = chunkSize(given.get(CHUNK_SIZE));
        Properties checked = new Properties();
        checked.setProperty(FROM, from);
        checked.setProperty(TO, to);
        checked.setProperty(CHUNK_SIZE, Integer.toString(chunk));
        return checked;
    }

    private static String store(Map<String, String> given, String parameter) {
        String value = given.get(parameter);
        if (value == null || value.isBlank()) {
            throw new InvalidJobParametersException(parameter + " is required: postgres or redis");
        }
        String store = value.trim().toLowerCase(Locale.ROOT);
        if (!STORES.contains(store)) {
            throw new InvalidJobParametersException(parameter + " is postgres or redis, not '" + value + "'");
        }
        return store;
    }

    private static int chunkSize(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_CHUNK) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidJobParametersException(CHUNK_SIZE + " is a whole number from 1 to " + MAX_CHUNK + ", not '" + value + "'");
    }
}
