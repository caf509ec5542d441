package dev.tusk.tracker.api.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpSettingsTest {

    @Test
    void addressesAreHostPortOrBracketedV6PortCommaSeparated() {
        assertThat(UdpSettings.parseAddresses("127.0.0.1:6969, [::1]:6970"))
                .containsExactly(new InetSocketAddress("127.0.0.1", 6969), new InetSocketAddress("::1", 6970));
        assertThat(UdpSettings.parseAddresses("")).isEmpty();
        assertThat(UdpSettings.parseAddresses(" , ")).isEmpty();
    }

    @Test
    void anAddressWithoutHostOrPortStopsTheDeploymentWithTheKeysName() {
        for (String bad : new String[] {"6969", "127.0.0.1", "127.0.0.1:x", ":6969", "127.0.0.1:70000"}) {
            assertThatThrownBy(() -> UdpSettings.parseAddresses(bad)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tracker.udp.address");
        }
    }
}
