package dev.tusk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testing.AdminCredentials;
import dev.tusk.testing.Deployments;
import dev.tusk.testing.RawHttp;
import dev.tusk.testing.TrackerHttp;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's login under attack: malformed credentials are a 401 with a challenge, failures
 * are throttled per client address (429 with Retry-After), and no number of failures from other
 * addresses locks the operator's account. Attackers here are other loopback addresses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminLoginIT {
    private static final String QUEUE = "/api/admin/queue";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.tusk();
    }

    private static RawHttp.Reply get(String from, String authorization) {
        String request = "GET " + QUEUE + " HTTP/1.0\r\nHost: 127.0.0.1\r\n" + authorization + "\r\n\r\n";
        return RawHttp.exchange(from, TrackerHttp.PORT, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void malformedBasicCredentialsAreA401WithAChallenge() {
        RawHttp.Reply reply = get("127.0.0.6", "Authorization: Basic !!!notbase64");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text()).contains("\"status\":401").contains("not Base64").doesNotContain("Exception");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tusk\"");
    }

    @Test
    void repeatedFailuresThrottleTheirAddressButNeverLockTheOperatorOut() {
        String wrong = RawHttp.basicAuth(AdminCredentials.USER, "not-the-password");
        for (String attacker : new String[] {"127.0.0.4", "127.0.0.5"}) {
            for (int i = 0; i < 10; i++) {
                assertThat(get(attacker, wrong).status()).as("failure %d from %s", i + 1, attacker).isEqualTo(401);
            }
            RawHttp.Reply refused = get(attacker, AdminCredentials.header());
            assertThat(refused.status()).as("the right password from a throttled address").isEqualTo(429);
            assertThat(refused.text()).contains("too many failed logins from this address");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 300L);
        }
        // 20 failures for the admin account reached WildFly's realm: it must not have locked the account
        RawHttp.Reply operator = get(null, AdminCredentials.header());
        assertThat(operator.status()).as(operator.text()).isEqualTo(200);
    }
}
