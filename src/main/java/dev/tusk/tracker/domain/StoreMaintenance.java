package dev.tusk.tracker.domain;

import java.time.Instant;

/**
 * What operators and the timers need of a tracker store: whether it answers, stale peers removed,
 * its totals (MoChi's storage gauges).
 */
public interface StoreMaintenance {

    /** @throws StoreUnavailableException when the store does not answer */
    void ping();

    /**
     * Removes peers last seen at or before {@code cutoff}.
     *
     * @return how many peers were removed
     */
    long collectGarbage(Instant cutoff);

    StoreStatistics statistics();
}
