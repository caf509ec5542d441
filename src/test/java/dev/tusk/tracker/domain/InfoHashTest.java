package dev.tusk.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InfoHashTest {

    @Test
    void acceptsRawV1AndV2Lengths() {
        assertThat(InfoHash.parse(new byte[20]).length()).isEqualTo(20);
        assertThat(InfoHash.parse(new byte[32]).length()).isEqualTo(32);
    }

    @Test
    void acceptsHexOfBothLengths() {
        byte[] raw = new byte[20];
        Arrays.fill(raw, (byte) 0xab);
        String hex = "ab".repeat(20);
        assertThat(InfoHash.parse(hex.getBytes(StandardCharsets.US_ASCII))).isEqualTo(InfoHash.of(raw));
        assertThat(InfoHash.parse("CD".repeat(32).getBytes(StandardCharsets.US_ASCII)).length()).isEqualTo(32);
    }

    @Test
    void fortyRawBytesThatAreNotHexAreRefused() {
        byte[] raw = new byte[40];
        assertThatThrownBy(() -> InfoHash.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOtherLengths() {
        assertThatThrownBy(() -> InfoHash.parse(new byte[19])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfoHash.parse(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfoHash.fromHex("xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mappedIPv4AddressesBecomeIPv4() throws Exception {
        Peer p = new Peer(PeerId.of(new byte[20]), java.net.InetAddress.getByName("::ffff:1.2.3.4"), 1);
        assertThat(p.isV6()).isFalse();
        assertThat(p.addressBytes()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void ipLiteralsNeverResolveNames() {
        assertThat(IpLiteral.parse("1.2.3.4")).isPresent();
        assertThat(IpLiteral.parse("2001:db8::1")).isPresent();
        assertThat(IpLiteral.parse("999.1.1.1")).isEmpty();
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
    }
}
