package dev.tusk.queue.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.queue.spi.JobHandler;
import dev.tusk.queue.spi.JobHandlerGroup;
import dev.tusk.queue.spi.JobOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handlers found alone and in groups, each type once. */
class JobHandlersTest {

    @Test
    void aGroupsHandlersAreFoundByTheirTypesBesideSingleOnes() throws Exception {
        JobHandlers handlers = new JobHandlers();
        handlers.register(JobRunnerTest.succeedingHandler("alone"));
        JobHandlerGroup group = () -> List.of(JobHandler.of("first", c -> JobOutcome.SUCCESS), JobHandler.of("second", c -> JobOutcome.ABORT));
        handlers.register(group);

        assertThat(handlers.forType("alone")).isPresent();
        assertThat(handlers.forType("first").orElseThrow().run(null)).isEqualTo(JobOutcome.SUCCESS);
        assertThat(handlers.forType("second").orElseThrow().run(null)).isEqualTo(JobOutcome.ABORT);
        assertThat(handlers.forType("third")).isEmpty();
    }

    @Test
    void aTypeHandledTwiceIsRefusedEvenInsideAGroup() {
        JobHandlers handlers = new JobHandlers();
        handlers.register(JobRunnerTest.succeedingHandler("first"));
        JobHandlerGroup group = () -> List.of(JobHandler.of("first", c -> JobOutcome.SUCCESS));

        assertThatThrownBy(() -> handlers.register(group)).isInstanceOf(IllegalStateException.class).hasMessageContaining("first");
    }
}
