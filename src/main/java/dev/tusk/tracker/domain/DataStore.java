package dev.tusk.tracker.domain;

import java.util.Map;
import java.util.Optional;

/** MoChi's DataStorage: arbitrary values under byte keys, grouped in named contexts. */
public interface DataStore {

    /** Stores each entry, replacing an existing value. */
    void put(String context, Map<ByteKey, byte[]> entries);

    Optional<byte[]> get(String context, ByteKey key);

    boolean contains(String context, ByteKey key);

    /** Removes the keys; absent keys are ignored. */
    void delete(String context, ByteKey... keys);
}
