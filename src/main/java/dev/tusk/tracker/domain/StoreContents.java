package dev.tusk.tracker.domain;

import java.util.List;
import java.util.Map;

/**
 * A tracker store's whole contents as a migration copies them: read a page at a time, in an
 * order the store keeps stable, each item with the position just after it (a checkpoint to
 * resume from); and written so that writing the same items again changes nothing.
 */
public interface StoreContents {

    /** The parts of a store, copied one after the other. */
    enum Part {
        SWARMS, DOWNLOADS, DATA
    }

    /** What a part is made of. */
    sealed interface Item permits Swarm, Downloads, DataEntries {
    }

    /** Peers of one swarm with their roles and last-seen times (all of it, or a slice of it). */
    record Swarm(InfoHash infoHash, List<SwarmBrowser.PeerView> peers) implements Item {
    }

    /** How many times one torrent was downloaded. */
    record Downloads(InfoHash infoHash, long count) implements Item {
    }

    /** Entries of one data context (all of it, or a slice of it). */
    record DataEntries(String context, Map<ByteKey, byte[]> entries) implements Item {
    }

    /** An item and the position just after it. */
    record Positioned(Item item, String next) {
    }

    /**
     * The items of a part after {@code position} ({@code null}: from the start), at most about
     * {@code limit}; an empty list once the part is read to its end.
     *
     * @throws IllegalArgumentException for a position this store did not hand out
     */
    List<Positioned> read(Part part, String position, int limit);

    /**
     * Writes items of any part. A peer already there keeps the later of its two last-seen
     * times (and the role that goes with it), a download count the larger of its two, a data
     * entry the value written: writing the same items twice leaves the store as writing them once.
     */
    void write(List<? extends Item> items);
}
