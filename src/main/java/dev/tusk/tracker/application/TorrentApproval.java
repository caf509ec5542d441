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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * MoChi's torrent approval: a whitelist or a blacklist of info hashes kept in the data store
 * (context {@code MW_APPROVAL}, key the raw hash), so every node sees one list. A hash's answer
 * is kept in memory for {@code tracker.refresh_interval}, so an announce needs no store round
 * trip: an edit made through this node takes effect on the next announce, one made on another
 * node (or in MoChi) within the interval; while the store fails, the last answer stands.
 */
@ApplicationScoped
public class TorrentApproval {
    static final String UNAPPROVED = "unapproved torrent";
    /** Answers kept at most; past it they are all dropped and read again as needed. */
    static final int MAX_ANSWERS = 200_000;

    @Inject TrackerSettings settings;
    @Inject DataStore data;
    LongSupplier clockNanos = System::nanoTime;

    private record Answer(boolean listed, long readAtNanos) {
    }

    private final Map<InfoHash, Answer> answers = new ConcurrentHashMap<>();

    /** @throws TrackerRefusal when the list does not allow the torrent */
    public void check(InfoHash infoHash) {
        TrackerSettings.ApprovalMode mode = settings.approval().mode();
        if (mode == TrackerSettings.ApprovalMode.OFF) {
            return;
        }
        if (listed(infoHash) == (mode == TrackerSettings.ApprovalMode.BLACKLIST)) {
            throw new TrackerRefusal(UNAPPROVED);
        }
    }

    /** Whether {@link #check} can answer from memory, without a store round trip. */
    public boolean answersFromMemory(InfoHash infoHash) {
        return settings.approval().mode() == TrackerSettings.ApprovalMode.OFF || isFresh(answers.get(infoHash));
    }

    private boolean isFresh(Answer answer) {
        return answer != null && clockNanos.getAsLong() - answer.readAtNanos() < settings.refreshInterval().toNanos();
    }

    private boolean listed(InfoHash infoHash) {
        Answer known = answers.get(infoHash);
        if (isFresh(known)) {
            return known.listed();
        }
        boolean listed;
        try {
            listed = isListed(infoHash);
        } catch (RuntimeException e) {
            if (known != null) {
                return known.listed(); // the store is down: the last answer stands
            }
            throw e;
        }
        remember(infoHash, listed);
        return listed;
    }

    private void remember(InfoHash infoHash, boolean listed) {
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(infoHash, new Answer(listed, clockNanos.getAsLong()));
    }

    public void add(Collection<InfoHash> infoHashes) {
        Map<ByteKey, byte[]> entries = new LinkedHashMap<>();
        for (InfoHash h : infoHashes) {
            entries.put(ByteKey.of(h.bytes()), h.hex().getBytes(StandardCharsets.US_ASCII));
        }
        data.put(settings.approval().storageCtx(), entries);
        infoHashes.forEach(h -> remember(h, true));
    }

    public void remove(Collection<InfoHash> infoHashes) {
        data.delete(settings.approval().storageCtx(), infoHashes.stream().map(h -> ByteKey.of(h.bytes())).toArray(ByteKey[]::new));
        infoHashes.forEach(h -> remember(h, false));
    }

    /** The store's answer now (for operators). */
    public boolean isListed(InfoHash infoHash) {
        return data.contains(settings.approval().storageCtx(), ByteKey.of(infoHash.bytes()));
    }

    public String context() {
        return settings.approval().storageCtx();
    }

    public TrackerSettings.ApprovalMode mode() {
        return settings.approval().mode();
    }
}
