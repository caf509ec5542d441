package dev.tusk.media.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileIdentifierTest {

    @Test
    void anIdentifierIsNonBlank() {
        for (String bad : new String[] {null, "", " "}) {
            assertThatThrownBy(() -> new FileIdentifier(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void itsPathLeavesOutTheStoresPrefix() {
        assertThat(new FileIdentifier("originals/0f6c").path()).isEqualTo("originals/0f6c");
        assertThat(new FileIdentifier("s3:originals/0f6c").path()).isEqualTo("originals/0f6c");
        assertThat(new FileIdentifier("s3:originals/0f6c")).hasToString("s3:originals/0f6c");
    }
}
