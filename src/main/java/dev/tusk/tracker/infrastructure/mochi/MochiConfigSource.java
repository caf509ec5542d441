package dev.tusk.tracker.infrastructure.mochi;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * An operator's MoChi YAML file ({@code TUSK_MOCHI_CONFIG}) as configuration: its PostgreSQL
 * storage section ({@code storage.config}, at the root or under {@code mochi}) becomes
 * {@code tracker.pg.*}, and its life-cycle settings ({@code gc_interval}, {@code peer_lifetime},
 * {@code prometheus_reporting_interval}) {@code tracker.*}. Environment variables and system
 * properties still win; {@code connection_string} is not used (the datasource is configured by
 * {@code TUSK_DB_URL}).
 */
public class MochiConfigSource implements ConfigSource {
    public static final String FILE_VARIABLE = "TUSK_MOCHI_CONFIG";
    private static final Logger LOG = Logger.getLogger(MochiConfigSource.class.getName());
    private static final Set<String> LIFECYCLE = Set.of("gc_interval", "peer_lifetime", "prometheus_reporting_interval");

    private final Map<String, String> properties;

    public MochiConfigSource() {
        this(System.getenv(FILE_VARIABLE));
    }

    MochiConfigSource(String file) {
        this.properties = file == null || file.isBlank() ? Map.of() : Collections.unmodifiableMap(load(Path.of(file)));
    }

    static Map<String, String> load(Path file) {
        Object root;
        try (Reader in = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new IllegalStateException(FILE_VARIABLE + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        Map<?, ?> storage = storageSection(root);
        if (storage == null) {
            LOG.warning(() -> FILE_VARIABLE + ": " + file + " has no storage section");
            return out;
        }
        Object name = storage.get("name");
        if (name != null && !Set.of("pg", "postgres", "postgresql").contains(name.toString())) {
            LOG.warning(() -> FILE_VARIABLE + ": storage '" + name + "' is not PostgreSQL; its settings are ignored");
            return out;
        }
        if (storage.get("config") instanceof Map<?, ?> config) {
            flatten("", config, out);
        }
        out.remove("connection_string");
        Map<String, String> prefixed = new HashMap<>();
        out.forEach((k, v) -> prefixed.put((LIFECYCLE.contains(k) ? "tracker." : "tracker.pg.") + k, v));
        return prefixed;
    }

    private static Map<?, ?> storageSection(Object root) {
        if (!(root instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.get("storage") instanceof Map<?, ?> storage) {
            return storage;
        }
        return map.get("mochi") instanceof Map<?, ?> mochi && mochi.get("storage") instanceof Map<?, ?> storage
                ? storage : null;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out);
            } else if (e.getValue() != null) {
                out.put(key, e.getValue().toString().trim());
            }
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "MoChi configuration (" + FILE_VARIABLE + ")";
    }

    /** Above microprofile-config.properties (100), below environment variables (300). */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
