package dev.tusk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.ContainerController;

/**
 * The server the crash tests start and kill with kill -9 (Arquillian container "wildfly-crash",
 * failsafe execution "crash"): it runs on a fresh copy of the main configuration, so that a
 * deployment a killed run left behind never reaches the other servers.
 */
public final class CrashServer {
    public static final String CONTAINER = "wildfly-crash";

    private CrashServer() {
    }

    /** A fresh copy of the main configuration, whatever a killed run left in the last one. */
    public static void freshConfiguration() throws Exception {
        Path configuration = Path.of(System.getProperty("jboss.home", "target/wildfly"), "standalone/configuration");
        Files.copy(configuration.resolve("standalone-full.xml"), configuration.resolve("standalone-crash.xml"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** kill -9 of the server's JVM, then Arquillian forgets it. */
    public static void killHard(ContainerController controller) throws Exception {
        Process kill = new ProcessBuilder("pkill", "-9", "-f", "jboss-modules.jar").start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> new ProcessBuilder("pgrep", "-f", "jboss-modules.jar").start().waitFor() != 0);
        try {
            controller.kill(CONTAINER);
        } catch (Exception alreadyGone) {
            // The process is gone already; Arquillian only forgets it. If the JVM has not reaped
            // it yet, Arquillian asks the dead server to shut down and reports a LifecycleException
            // (a checked exception thrown through an API that declares none).
        }
    }
}
