package dev.tusk.media.application.migration;

import dev.tusk.media.domain.RepositoryCopy;
import dev.tusk.platform.batch.BatchJob;
import dev.tusk.platform.batch.InvalidJobParametersException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * {@code migrate-repo}: copies the whole media repository (hashes, aliases, variants, details,
 * settings, proxies) into another Tusk database, keeping created_at, delete tokens and access
 * times; a row already there is success, so it can run again. The target's password is taken
 * from the environment ({@code TUSK_MIGRATE_REPO_PASSWORD}), never from job parameters, which
 * the job repository keeps.
 */
@ApplicationScoped
public class MigrateRepoJob implements BatchJob {
    public static final String NAME = "migrate-repo";
    static final String PASSWORD_VARIABLE = RepositoryCopy.PASSWORD_VARIABLE;
    private static final Set<String> KNOWN = Set.of("targetUrl", "targetUser");

    @Inject RepositoryCopy repository;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Copies the media repository into another Tusk database (password from " + PASSWORD_VARIABLE + ")";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter("targetUrl", "the target database, jdbc:postgresql://host:port/database", null),
                new Parameter("targetUser", "the target database's user", null));
    }

    /** Each step copies the table it is named after: its rows are counted first. */
    @Override
    public OptionalLong items(String step) {
        return repository.tables().contains(step) ? OptionalLong.of(repository.count(step)) : OptionalLong.empty();
    }

    /** Whether a JDBC URL has a password among its properties (password=, sslpassword=). */
    static boolean carriesPassword(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String property : url.substring(query + 1).split("&")) {
            String name = property.split("=", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (name.contains("password")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Properties check(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (!KNOWN.contains(name) && !name.startsWith("jberet.")) {
                throw new InvalidJobParametersException("unknown parameter '" + name + "': " + NAME + " takes " + KNOWN);
            }
        }
        String url = given.get("targetUrl");
        String user = given.get("targetUser");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new InvalidJobParametersException("targetUrl is a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (user == null || user.isBlank()) {
            throw new InvalidJobParametersException("targetUser is required");
        }
        if (carriesPassword(url)) {
            // job parameters are kept in the job repository and shown by the console: no secrets
            throw new InvalidJobParametersException("targetUrl must not carry a password: set " + PASSWORD_VARIABLE
                    + " in the server's environment");
        }
        try {
            repository.check(url, user);
        } catch (RepositoryCopy.TargetUnreachable e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
        Properties p = new Properties();
        p.setProperty("targetUrl", url);
        p.setProperty("targetUser", user);
        return p;
    }
}
