package dev.tusk.tracker.application;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.DataStore;
import dev.tusk.tracker.domain.InfoHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MoChi's torrent approval: a whitelist or a blacklist of info hashes kept in the data store
 * (context {@code MW_APPROVAL}, key the raw hash), so every node sees one list and an edit
 * takes effect on the next announce.
 */
@ApplicationScoped
public class TorrentApproval {
    static final String UNAPPROVED = "unapproved torrent";

    @Inject
    TrackerSettings settings;
    @Inject
    DataStore data;

    /** @throws TrackerRefusal when the list does not allow the torrent */
    public void check(InfoHash infoHash) {
        TrackerSettings.ApprovalMode mode = settings.approvalMode();
        if (mode == TrackerSettings.ApprovalMode.OFF) {
            return;
        }
        boolean listed = data.contains(settings.approvalContext(), ByteKey.of(infoHash.bytes()));
        if (listed == (mode == TrackerSettings.ApprovalMode.BLACKLIST)) {
            throw new TrackerRefusal(UNAPPROVED);
        }
    }

    public void add(Collection<InfoHash> infoHashes) {
        Map<ByteKey, byte[]> entries = new LinkedHashMap<>();
        for (InfoHash h : infoHashes) {
            entries.put(ByteKey.of(h.bytes()), h.hex().getBytes(StandardCharsets.US_ASCII));
        }
        data.put(settings.approvalContext(), entries);
    }

    public void remove(Collection<InfoHash> infoHashes) {
        data.delete(settings.approvalContext(), infoHashes.stream().map(h -> ByteKey.of(h.bytes())).toArray(ByteKey[]::new));
    }

    public boolean isListed(InfoHash infoHash) {
        return data.contains(settings.approvalContext(), ByteKey.of(infoHash.bytes()));
    }

    public String context() {
        return settings.approvalContext();
    }

    public TrackerSettings.ApprovalMode mode() {
        return settings.approvalMode();
    }
}
