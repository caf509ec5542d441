package dev.tusk.tracker.e2e;

import static dev.tusk.testing.TrackerHttp.announceQuery;
import static dev.tusk.testing.TrackerHttp.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.CrashServer;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TestDatabase;
import dev.tusk.testing.TrackerHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write-behind through a crash: announces older than a few flush intervals are in mo_peers
 * when the server is killed with kill -9; announces of the last moments may be lost, and their
 * peers are back in the swarm once they announce again, with nothing counted twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrackerCrashIT {
    private static final int PEERS = 40;

    @ArquillianResource ContainerController controller;
    @ArquillianResource Deployer deployer;

    @Deployment(name = "tusk-tracker", managed = false, testable = false)
    @TargetsContainer(CrashServer.CONTAINER)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    /** The swarm cache's peers, from the metrics. */
    private static double cachedPeers() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^tusk_tracker_cache_peers(\\{[^}]*\\})? (\\S+)$")
                .matcher(RawHttp.get(9990, "/metrics").text());
        return m.find() ? Double.parseDouble(m.group(2)) : -1;
    }

    private static void announceAll(byte[] hash, List<byte[]> peerIds, int firstPort) {
        for (int i = 0; i < peerIds.size(); i++) {
            TrackerHttp.announce(announceQuery(hash, peerIds.get(i), firstPort + i, i % 2 == 0 ? 0 : 100, ""),
                    "10.60." + (firstPort / 256 % 256) + "." + (i + 1));
        }
    }

    @Test
    void aKilledServerLosesAtMostItsLastMomentsAndThePeersComeBackOnTheirNextAnnounce() throws Exception {
        CrashServer.freshConfiguration();
        controller.start(CrashServer.CONTAINER);
        deployer.deploy("tusk-tracker");
        byte[] hash = randomBytes(20);
        List<byte[]> early = new ArrayList<>();
        List<byte[]> late = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            early.add(randomBytes(20));
            late.add(randomBytes(20));
        }
        announceAll(hash, early, 20000);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestDatabase.peerRows(hash) == PEERS);
        announceAll(hash, late, 30000);
        CrashServer.killHard(controller);

        long kept = TestDatabase.peerRows(hash);
        assertThat(kept).as("every announce older than a few flush intervals is in the store").isBetween((long) PEERS, 2L * PEERS);

        controller.start(CrashServer.CONTAINER);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> RawHttp.get(TrackerHttp.PORT, "/ping").status() == 200);
            Awaitility.await("the swarms read into memory at start").atMost(Duration.ofSeconds(30))
                    .until(() -> cachedPeers() >= kept);
            announceAll(hash, late, 30000);
            Map<String, Object> counts = TrackerHttp.scrapeOne(hash);
            assertThat((Long) counts.get("complete") + (Long) counts.get("incomplete"))
                    .as("the early peers from the store, the late ones announced again, none twice").isEqualTo(2L * PEERS);
            assertThat(counts).containsEntry("complete", (long) PEERS);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> TestDatabase.peerRows(hash) == 2L * PEERS);
        } finally {
            deployer.undeploy("tusk-tracker");
            controller.stop(CrashServer.CONTAINER);
        }
    }
}
