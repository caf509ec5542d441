package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.Deployments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness reports Tusk's own database beside the tracker's store. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    @Test
    void readinessNamesTusksDatabaseAndTheTrackerStore() throws Exception {
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9990/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body().replace(" ", ""))
                .contains("{\"name\":\"tusk-database\",\"status\":\"UP\"}")
                .contains("{\"name\":\"tracker-store\",\"status\":\"UP\"}");
    }
}
