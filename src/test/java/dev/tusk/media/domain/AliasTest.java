package dev.tusk.media.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AliasTest {

    @Test
    void aGeneratedAliasIsAUuidWithTheFormatsExtension() {
        assertThat(Alias.generate(ImageFormat.PNG).value()).matches("[0-9a-f-]{36}\\.png");
        assertThat(Alias.generate(ImageFormat.JPEG)).isNotEqualTo(Alias.generate(ImageFormat.JPEG));
    }

    @Test
    void anAliasIsNonEmptyTextWithoutNul() {
        assertThat(new Alias("a.png")).hasToString("a.png");
        for (String bad : new String[] {null, "", "a\0.png"}) {
            assertThatThrownBy(() -> new Alias(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anAliasAClientNamesThatCannotBeStoredNamesNoImage() {
        assertThat(Alias.named("a.png")).isEqualTo(new Alias("a.png"));
        for (String bad : new String[] {null, "", "a\0.png"}) {
            assertThatThrownBy(() -> Alias.named(bad))
                    .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }
}
