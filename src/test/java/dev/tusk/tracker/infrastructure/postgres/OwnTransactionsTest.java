package dev.tusk.tracker.infrastructure.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnTransactionsTest {

    @Test
    void aRefreshGetsTheFlushesThatCommittedSinceItsLowerBound() {
        OwnTransactions own = new OwnTransactions();
        own.remember(100L, 1_000);
        own.remember(101L, 2_000);
        own.remember(null, 2_500);
        own.remember(102L, 3_000);
        assertThat(own.since(2_000)).containsExactly(101L, 102L);
        assertThat(own.since(0)).as("older ones are forgotten once a refresh went past them").containsExactly(101L, 102L);
        assertThat(own.since(3_001)).isEmpty();
    }

    @Test
    void flushesOlderThanAnHourAreForgottenEvenWithoutARefresh() {
        OwnTransactions own = new OwnTransactions();
        own.remember(1L, 0);
        own.remember(2L, 3_600_001);
        assertThat(own.since(0)).containsExactly(2L);
    }
}
