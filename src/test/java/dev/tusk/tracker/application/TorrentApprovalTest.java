package dev.tusk.tracker.application;

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

    /** A data store in a map, enough for the approval rules. */
    private static final class MapDataStore implements DataStore {
        final Map<String, Map<ByteKey, byte[]>> contexts = new HashMap<>();

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
        TrackerSettings settings = new TrackerSettings();
        settings.approvalMode = mode;
        settings.approvalContext = "MW_APPROVAL";
        settings.announceInterval = "30m";
        settings.minAnnounceInterval = "15m";
        settings.peerLifetime = "31m";
        settings.gcInterval = "3m";
        settings.reportingInterval = "1s";
        settings.maxScrapeInfoHashes = 50;
        settings.flushInterval = "100ms";
        settings.refreshInterval = "2s";
        settings.flushBatch = 1000;
        settings.writeBufferCapacity = 1_000_000;
        settings.cacheMaxSwarms = 1_000_000;
        settings.cacheMaxPeers = 4_000_000;
        settings.parse();
        TorrentApproval approval = new TorrentApproval();
        approval.settings = settings;
        approval.data = new MapDataStore();
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
    void anUnknownModeStopsTheDeployment() {
        assertThatThrownBy(() -> approval("greylist")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tracker.approval.mode");
    }
}
