package dev.tusk.media.infrastructure.migration;

import java.util.List;
import java.util.Map;

/**
 * The media repository's tables as migrate-repo copies them, in an order the foreign keys allow,
 * each with its key (rows are read in key order) and its columns (jsonb ones cast).
 */
final class RepoTables {
    record Table(String name, String key, String keyType, List<String> columns, List<String> jsonColumns) {
    }

    static final List<Table> ALL = List.of(
            new Table("hashes", "hash", "bytea", List.of("hash", "identifier", "motion_identifier", "blurhash", "created_at"), List.of()),
            new Table("aliases", "alias", "text", List.of("alias", "hash", "token"), List.of()),
            new Table("variants", "id", "uuid", List.of("id", "hash", "variant", "identifier", "accessed"), List.of()),
            new Table("details", "identifier", "text", List.of("identifier", "json"), List.of("json")),
            new Table("settings", "key", "text", List.of("key", "value"), List.of()),
            new Table("proxies", "url", "text", List.of("url", "alias", "accessed"), List.of()));

    static final Map<String, Table> BY_NAME = Map.of("hashes", ALL.get(0), "aliases", ALL.get(1), "variants", ALL.get(2),
            "details", ALL.get(3), "settings", ALL.get(4), "proxies", ALL.get(5));

    private RepoTables() {
    }
}
