package dev.tusk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminLoginGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!notbase64", "Basic", "Basic ", "Basic Zm9v", "basic ====", "Basicx Zm9vOmJhcg=="})
    void malformedBasicCredentialsAreRecognised(String header) {
        assertThat(AdminLoginGuard.malformedBasic(header)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin:secret", "admin:", "a:b:c", "admin:pässwörd"})
    void wellFormedBasicCredentialsPass(String credentials) {
        String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        assertThat(AdminLoginGuard.malformedBasic(header)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc", "Digest username=\"admin\"", ""})
    void otherSchemesAreLeftToTheServer(String header) {
        assertThat(AdminLoginGuard.malformedBasic(header)).isFalse();
    }
}
