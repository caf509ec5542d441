package dev.tusk.testing;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive every IT deploys: the WAR this build made (so tests run what operators run), plus
 * the test classes and the assertion libraries for in-container tests.
 */
public final class Deployments {
    private Deployments() {
    }

    public static WebArchive tusk(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("tusk.war", "target/tusk.war")));
        war.addPackage(Deployments.class.getPackage());
        war.addClasses(testClasses);
        war.addAsLibraries(jarOf(Assertions.class), jarOf(Awaitility.class), jarOf(org.hamcrest.Matcher.class));
        return war;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
