package dev.tusk.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutageLogTest {
    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getAnonymousLogger();
    private final OutageLog outage = new OutageLog(logger, "the sweep");

    OutageLogTest() {
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    private static RuntimeException unreachable() {
        return new IllegalStateException("job store: refused", new ConnectException("Connection refused"));
    }

    private List<Level> levels() {
        return records.stream().map(LogRecord::getLevel).toList();
    }

    @Test
    void anOutageIsOneWarningThenOneInfoWhenItEnds() {
        assertThat(outage.failed(unreachable())).isTrue();
        assertThat(outage.failed(unreachable())).isTrue();
        assertThat(outage.failed(unreachable())).isTrue();
        outage.worked();
        outage.worked();

        assertThat(levels()).containsExactly(Level.WARNING, Level.FINE, Level.FINE, Level.INFO);
        assertThat(records.get(0).getParameters()).contains("the sweep");
    }

    @Test
    void aSecondOutageIsWarnedAgain() {
        outage.failed(unreachable());
        outage.worked();
        outage.failed(unreachable());

        assertThat(levels()).containsExactly(Level.WARNING, Level.INFO, Level.WARNING);
    }

    @Test
    void aFailureThatIsNoOutageIsLeftToTheCallerAndNotLogged() {
        assertThat(outage.failed(new IllegalArgumentException("a bug"))).isFalse();
        outage.worked();

        assertThat(records).isEmpty();
    }

    @Test
    void runLogsAnOutageAndThrowsAnyOtherFailure() {
        OutageLog custom = new OutageLog(logger, "the GC", IllegalStateException.class::isInstance);

        custom.run(() -> {
            throw new IllegalStateException("store down");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> custom.run(() -> {
            throw new IllegalArgumentException("a bug");
        })).hasMessage("a bug");
        custom.run(() -> { });

        assertThat(levels()).containsExactly(Level.WARNING, Level.INFO);
    }
}
