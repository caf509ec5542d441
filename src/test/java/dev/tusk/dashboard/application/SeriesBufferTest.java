package dev.tusk.dashboard.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesBufferTest {

    @Test
    void keepsTheLastPointsOldestFirstOnceItWrapsAround() {
        SeriesBuffer buffer = new SeriesBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.add(i * 1000L, i);
        }

        assertThat(buffer.after(0)).containsExactly(new SeriesBuffer.Point(3000, 3), new SeriesBuffer.Point(4000, 4),
                new SeriesBuffer.Point(5000, 5));
    }

    @Test
    void answersOnlyThePointsAfterATime() {
        SeriesBuffer buffer = new SeriesBuffer(10);
        buffer.add(1000, 1);
        buffer.add(2000, 2);

        assertThat(buffer.after(1000)).containsExactly(new SeriesBuffer.Point(2000, 2));
        assertThat(buffer.after(2000)).isEmpty();
        assertThat(new SeriesBuffer(2).after(0)).isEmpty();
    }
}
