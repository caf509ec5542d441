package dev.tusk.tracker.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TorrentApprovalTest {

    /** A data store in a map, enough for the approval rules; it can fail and counts its reads. */
    private static final class MapDataStore implements DataStore {
        final Map<String, Map<ByteKey, byte[]>> contexts = new HashMap<>();
        int reads;
        boolean down;

        @Override
        public void put(String context, Map<ByteKey, byte[]> entries) {
            contexts.computeIfAbsent(context, c -> new HashMap<>()).putAll(entries);
        }

        @Override
        public Optional<byte[]> get(String context, ByteKey key) {
            return Optional.ofNullable(contexts.getOrDefault(context, Map.of()).get(key));
        }

        @Override
        public boolean contains(String context, ByteKey key) {
            if (down) {
                throw new IllegalStateException("store down");
            }
            reads++;
            return get(context, key).isPresent();
        }

        @Override
        public void delete(String context, ByteKey... keys) {
            for (ByteKey k : keys) {
                contexts.getOrDefault(context, new HashMap<>()).remove(k);
            }
        }
    }

    private static final InfoHash LISTED = InfoHash.of(new byte[20]);
    private static final InfoHash OTHER = InfoHash.fromHex("ff".repeat(20));

    private static TorrentApproval approval(String mode) {
        TorrentApproval approval = new TorrentApproval();
        approval.settings = TestTrackerSettings.withApproval(mode);
        approval.data = new MapDataStore();
        approval.clockNanos = () -> 0;
        approval.add(List.of(LISTED));
        return approval;
    }

    @Test
    void whitelistLetsOnlyListedTorrentsIn() {
        TorrentApproval approval = approval("whitelist");
        assertThatCode(() -> approval.check(LISTED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> approval.check(OTHER)).isInstanceOf(TrackerRefusal.class).hasMessage("unapproved torrent");
    }

    @Test
    void blacklistKeepsListedTorrentsOut() {
        TorrentApproval approval = approval("BlackList");
        assertThatThrownBy(() -> approval.check(LISTED)).isInstanceOf(TrackerRefusal.class);
        assertThatCode(() -> approval.check(OTHER)).doesNotThrowAnyException();
        approval.remove(List.of(LISTED));
        assertThatCode(() -> approval.check(LISTED)).doesNotThrowAnyException();
    }

    @Test
    void offChecksNothing() {
        TorrentApproval approval = approval("off");
        assertThatCode(() -> approval.check(OTHER)).doesNotThrowAnyException();
        assertThatCode(() -> approval.check(LISTED)).doesNotThrowAnyException();
    }

    @Test
    void anAnswerIsKeptForTheRefreshIntervalThenReadAgain() {
        TorrentApproval approval = approval("blacklist");
        long[] now = {0};
        approval.clockNanos = () -> now[0];
        MapDataStore store = (MapDataStore) approval.data;
        assertThat(approval.answersFromMemory(OTHER)).isFalse();
        approval.check(OTHER);
        approval.check(OTHER);
        assertThat(store.reads).as("one read for two announces").isEqualTo(1);
        assertThat(approval.answersFromMemory(OTHER)).isTrue();

        // another node lists it: seen once the answer is older than the refresh interval (2 s)
        store.put("MW_APPROVAL", Map.of(ByteKey.of(OTHER.bytes()), new byte[0]));
        now[0] = 1_900_000_000L;
        assertThatCode(() -> approval.check(OTHER)).doesNotThrowAnyException();
        now[0] = 2_100_000_000L;
        assertThat(approval.answersFromMemory(OTHER)).isFalse();
        assertThatThrownBy(() -> approval.check(OTHER)).isInstanceOf(TrackerRefusal.class);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void anEditThroughThisNodeTakesEffectAtOnce() {
        TorrentApproval approval = approval("blacklist");
        approval.check(OTHER);
        approval.add(List.of(OTHER));
        assertThatThrownBy(() -> approval.check(OTHER)).isInstanceOf(TrackerRefusal.class);
        approval.remove(List.of(OTHER));
        assertThatCode(() -> approval.check(OTHER)).doesNotThrowAnyException();
    }

    @Test
    void whileTheStoreFailsTheLastAnswerStandsAndAnUnknownHashFails() {
        TorrentApproval approval = approval("blacklist");
        long[] now = {0};
        approval.clockNanos = () -> now[0];
        assertThatThrownBy(() -> approval.check(LISTED)).isInstanceOf(TrackerRefusal.class);
        ((MapDataStore) approval.data).down = true;
        now[0] = 60_000_000_000L;
        assertThat(approval.answersFromMemory(LISTED)).isFalse();
        assertThatThrownBy(() -> approval.check(LISTED)).as("stale, but the last answer")
                .isInstanceOf(TrackerRefusal.class);
        assertThatThrownBy(() -> approval.check(OTHER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownModeStopsTheDeployment() {
        assertThatThrownBy(() -> approval("greylist")).hasMessageContaining("tracker.approval.mode")
                .hasMessageContaining("off, whitelist or blacklist, not greylist");
    }
}
