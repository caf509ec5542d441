package dev.tusk.tracker.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.PeerWrite.Kind;
import dev.tusk.tracker.domain.PeerWrite.Role;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.WriteBatch;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RangeTotalsTest {
    /** The table: per range of four, info hashes, seeders, leechers. */
    private final long[][] table = {{10, 100, 100}, {10, 100, 100}, {10, 100, 100}, {10, 100, 100}};
    private final List<Integer> countedRanges = new ArrayList<>();
    private long now;
    /** Every count takes 60 ms of a 100 ms budget: two ranges a sweep. */
    private final RangeTotals totals = new RangeTotals(this::count, () -> now, 100_000_000L);

    private long[] count(int range, int of) {
        assertThat(of).isEqualTo(4);
        countedRanges.add(range);
        now += 60_000_000L;
        return table[range].clone();
    }

    private static PeerWrite write(int firstByte, Kind kind, Role before) throws Exception {
        byte[] hash = new byte[20];
        hash[0] = (byte) firstByte;
        Peer peer = new Peer(PeerId.of(new byte[20]), InetAddress.getByName("10.0.0.1"), 6881);
        return new PeerWrite(InfoHash.of(hash), peer, kind, false, 0, before);
    }

    @Test
    void theFirstSweepCountsEveryRangeThenTheBudgetLimitsEach() {
        assertThat(totals.sweep(4)).isEqualTo(new StoreStatistics(40, 400, 400));
        assertThat(countedRanges).containsExactly(0, 1, 2, 3);
        totals.sweep(4);
        assertThat(countedRanges).containsExactly(0, 1, 2, 3, 0, 1);
    }

    @Test
    void thisNodesWritesCountAtOnceAndOnlyUntilTheirRangeIsCountedAgain() throws Exception {
        totals.sweep(4);
        // range 3 (0xc0..): a new seeder, a leecher become seeder, a leecher removed
        totals.written(new WriteBatch(List.of(write(0xc1, Kind.PUT_SEEDER, Role.ABSENT), write(0xc2, Kind.PUT_SEEDER, Role.LEECHER),
                write(0xc3, Kind.REMOVE, Role.LEECHER), write(0xc4, Kind.PUT_LEECHER, Role.LEECHER)), Map.of()));
        table[3] = new long[] {10, 102, 98};
        StoreStatistics next = totals.sweep(4);
        assertThat(countedRanges).as("range 3 not counted again yet").containsExactly(0, 1, 2, 3, 0, 1);
        assertThat(next).isEqualTo(new StoreStatistics(40, 402, 398));

        StoreStatistics recounted = totals.sweep(4);
        assertThat(countedRanges).endsWith(2, 3);
        assertThat(recounted).as("counted with the writes in it, not added twice").isEqualTo(new StoreStatistics(40, 402, 398));
    }

    @Test
    void otherNodesRowsCountOnceTheirRangeIsCountedAgain() {
        totals.sweep(4);
        table[2] = new long[] {11, 150, 100};
        assertThat(totals.sweep(4).seeders()).isEqualTo(400);
        assertThat(totals.sweep(4).seeders()).isEqualTo(450);
    }

    @Test
    void aLargeRemovalHasEveryRangeCountedAtTheNextSweep() {
        totals.sweep(4);
        totals.removed(8);
        totals.sweep(4);
        assertThat(countedRanges).as("8 of 800 rows: 1 %, not more").hasSize(6);

        for (long[] range : table) {
            Arrays.fill(range, 1, 3, 50);
        }
        totals.removed(400);
        assertThat(totals.sweep(4)).isEqualTo(new StoreStatistics(40, 200, 200));
        assertThat(countedRanges).hasSize(10);
    }

    @Test
    void thePeersKnownAreTheCountsPlusThisNodesWritesSince() throws Exception {
        assertThat(totals.peers()).as("nothing counted yet").isZero();
        totals.sweep(4);
        totals.written(new WriteBatch(List.of(write(0x01, Kind.PUT_SEEDER, Role.ABSENT), write(0x02, Kind.REMOVE, Role.LEECHER),
                write(0x03, Kind.PUT_LEECHER, Role.ABSENT)), Map.of()));
        assertThat(totals.peers()).isEqualTo(801);
    }
}
