package dev.tusk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operator's password, found where wildfly/add-admin-user.sh takes it from. */
public final class AdminCredentials {
    public static final String USER = "admin";

    private AdminCredentials() {
    }

    public static String password() {
        String env = System.getenv("TUSK_ADMIN_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        try {
            return Files.readString(Path.of(System.getProperty("tusk.admin.password.file", ".tusk/admin-password"))).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no admin password: set TUSK_ADMIN_PASSWORD or build with mvn package first", e);
        }
    }

    public static String header() {
        return RawHttp.basicAuth(USER, password());
    }
}
