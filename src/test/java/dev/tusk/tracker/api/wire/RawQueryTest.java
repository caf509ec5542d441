package dev.tusk.tracker.api.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RawQueryTest {

    @Test
    void decodesBinaryValuesByteForByte() {
        RawQuery q = RawQuery.parse("info_hash=%00%FF%7fA%e9&peer_id=-AR1360-abc");
        assertThat(q.bytes("info_hash")).contains(new byte[] {0, (byte) 0xff, 0x7f, 'A', (byte) 0xe9});
        assertThat(q.text("peer_id")).contains("-AR1360-abc");
    }

    @Test
    void keepsEveryValueOfARepeatedParameterInOrder() {
        RawQuery q = RawQuery.parse("info_hash=a&info_hash=b&info_hash=c");
        assertThat(q.all("info_hash")).extracting(String::new).containsExactly("a", "b", "c");
    }

    @Test
    void plusIsASpaceAndEmptyPartsAreSkipped() {
        RawQuery q = RawQuery.parse("&event=&key=a+b&&flag");
        assertThat(q.text("key")).contains("a b");
        assertThat(q.text("event")).contains("");
        assertThat(q.has("flag")).isTrue();
        assertThat(q.has("absent")).isFalse();
    }

    @Test
    void nullOrEmptyQueryHasNoParameters() {
        assertThat(RawQuery.parse(null).has("info_hash")).isFalse();
        assertThat(RawQuery.parse("").all("info_hash")).isEmpty();
    }

    @Test
    void refusesBadPercentEncoding() {
        assertThatThrownBy(() -> RawQuery.parse("info_hash=%G1")).isInstanceOf(MalformedQueryException.class);
        assertThatThrownBy(() -> RawQuery.parse("info_hash=%4")).isInstanceOf(MalformedQueryException.class);
        assertThatThrownBy(() -> RawQuery.parse("info_hash=abc%")).isInstanceOf(MalformedQueryException.class);
    }
}
