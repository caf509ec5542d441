package dev.tusk.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MalformedRequestGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"/kv/ns/%zz", "/kv/ns/%", "/kv/ns/a%4", "/image/process.png?src=%G1", "%%41", "a%\u00b2\u00b3"})
    void malformedEscapesAreFound(String text) {
        assertThat(MalformedRequestGuard.wellEscaped(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/kv/ns/key", "/kv/ns/%00%ff%Fa", "/image/original/a%2Epng", "", "%25"})
    void wellFormedEscapesPass(String text) {
        assertThat(MalformedRequestGuard.wellEscaped(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=b\u007f", "a=\u0000", "a=b\r\n"})
    void controlCharactersInCookiesAreFound(String cookie) {
        assertThat(MalformedRequestGuard.controlCharacters(cookie)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=b", "a=b; c=\"d e\"", "x=\u00e9"})
    void ordinaryCookiesPass(String cookie) {
        assertThat(MalformedRequestGuard.controlCharacters(cookie)).isFalse();
    }
}
