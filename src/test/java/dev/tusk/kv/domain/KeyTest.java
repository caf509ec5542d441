package dev.tusk.kv.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void aKeyIsOneTo1024CharactersWithoutNul() {
        assertThat(new Key("sessions", "a").name()).isEqualTo("a");
        assertThat(new Key("sessions", "k".repeat(Key.MAX_LENGTH)).name()).hasSize(1024);
        for (String bad : new String[] {null, "", "k".repeat(Key.MAX_LENGTH + 1), "a\0b"}) {
            assertThatThrownBy(() -> new Key("sessions", bad)).as(String.valueOf(bad).replace("\0", "\\0"))
                    .isInstanceOfSatisfying(KvException.class, e -> assertThat(e.reason()).isEqualTo(KvException.Reason.BAD_REQUEST));
        }
    }

    @Test
    void twoKeysAreEqualWhenNamespaceAndNameAre() {
        assertThat(new Key("a", "x")).isEqualTo(new Key("a", "x")).isNotEqualTo(new Key("b", "x"));
        assertThat(new Key("a", "x")).hasToString("'x' in a");
    }
}
