package dev.tusk.tracker.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BencodeTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesIntegersStringsAndLists() {
        assertThat(text(Bencode.encode(42L))).isEqualTo("i42e");
        assertThat(text(Bencode.encode(-3))).isEqualTo("i-3e");
        assertThat(text(Bencode.encode("spam"))).isEqualTo("4:spam");
        assertThat(text(Bencode.encode(new byte[] {0, (byte) 0xff}))).isEqualTo("2:\u0000\u00ff");
        assertThat(text(Bencode.encode(List.of("a", 1L)))).isEqualTo("l1:ai1ee");
    }

    @Test
    void sortsDictionaryKeysByRawBytes() {
        assertThat(text(Bencode.encode(Map.of("peers", "", "complete", 1L, "min interval", 2L, "interval", 3L))))
                .isEqualTo("d8:completei1e8:intervali3e12:min intervali2e5:peers0:e");
        // 0x80 sorts after 0x7f when bytes are compared unsigned
        byte[] high = {(byte) 0x80};
        byte[] low = {0x7f};
        assertThat(text(Bencode.encode(Map.of(high, 1L, low, 2L)))).isEqualTo("d1:\u007fi2e1:\u0080i1ee");
    }

    @Test
    void failureIsADictionaryWithTheReason() {
        assertThat(text(Bencode.failure("unapproved torrent"))).isEqualTo("d14:failure reason18:unapproved torrente");
    }

    @Test
    void refusesValuesItCannotEncode() {
        assertThatThrownBy(() -> Bencode.encode(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
