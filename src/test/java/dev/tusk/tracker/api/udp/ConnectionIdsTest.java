package dev.tusk.tracker.api.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConnectionIdsTest {
    private static final byte[] SECRET = "a secret of sixteen or more".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-12-03T12:00:59Z");

    private static ConnectionIds at(Instant now) {
        return new ConnectionIds(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void anIdIsAcceptedForTwoMinutesAtLeastAndThreeAtMost() throws Exception {
        InetAddress client = address("192.0.2.7");
        long id = at(ISSUED).issue(client);
        assertThat(at(ISSUED).isValid(id, client)).isTrue();
        assertThat(at(ISSUED.plus(Duration.ofSeconds(120))).isValid(id, client)).isTrue();
        assertThat(at(ISSUED.plus(Duration.ofSeconds(122))).isValid(id, client)).isFalse();
        long early = at(Instant.parse("2026-12-03T12:00:00Z")).issue(client);
        assertThat(at(Instant.parse("2026-12-03T12:02:59Z")).isValid(early, client)).isTrue();
        assertThat(at(Instant.parse("2026-12-03T12:03:00Z")).isValid(early, client)).isFalse();
    }

    @Test
    void anIdIsBoundToTheAddressThatConnected() throws Exception {
        long id = at(ISSUED).issue(address("192.0.2.7"));
        assertThat(at(ISSUED).isValid(id, address("192.0.2.8"))).isFalse();
        long v6 = at(ISSUED).issue(address("2001:db8::7"));
        assertThat(at(ISSUED).isValid(v6, address("2001:db8::7"))).isTrue();
        assertThat(at(ISSUED).isValid(v6, address("2001:db8::8"))).isFalse();
    }

    @Test
    void nodesWithTheSameSecretAcceptEachOthersIdsAndOthersDoNot() throws Exception {
        InetAddress client = address("192.0.2.7");
        long id = at(ISSUED).issue(client);
        assertThat(new ConnectionIds(SECRET.clone(), Clock.fixed(ISSUED, ZoneOffset.UTC)).isValid(id, client)).isTrue();
        ConnectionIds other = new ConnectionIds("another secret of sixteen".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(ISSUED, ZoneOffset.UTC));
        assertThat(other.isValid(id, client)).isFalse();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new ConnectionIds(new byte[15], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
