package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.store.StoreAppendException;
import dev.telltale.core.internal.OperatorLog.Topic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The one rate limit every operator-facing line goes through, on a clock the test moves. */
class OperatorLogTest {

    private static final long INTERVAL = 10_000;

    private long now = 5_000_000;
    private final RecordingOutput output = new RecordingOutput();
    private final OperatorLog log = new OperatorLog(INTERVAL, () -> now, output);

    @Test
    void warn_theFirstIsWrittenAtOnceWithItsDetail() {
        IOException failure = new IOException("disk full");
        log.warn(Topic.STORE, "store failed: disk full", failure);

        assertThat(output.lines).containsExactly("WARN store failed: disk full");
        assertThat(output.details).containsExactly(failure);
    }

    @Test
    void warn_theSameLineAgain_isNotWrittenAgainHoweverLongItLasts() {
        log.warn(Topic.STORE, "the store is down", null);
        now += 100 * INTERVAL;
        log.warn(Topic.STORE, "the store is down", null);
        log.warn(Topic.STORE, "the store is down", null);

        assertThat(output.lines).containsExactly("WARN the store is down");
    }

    @Test
    void warn_aNewLineWithinTheInterval_isHeldBackAndCountedInTheNextOneWritten() {
        log.warn(Topic.DROPS, "dropped 5", null);
        now += INTERVAL - 1;
        log.warn(Topic.DROPS, "dropped 7", null);
        log.warn(Topic.DROPS, "dropped 9", null);
        now += 1;
        log.warn(Topic.DROPS, "dropped 11", null);
        log.warn(Topic.DROPS, "dropped 13", null);

        assertThat(output.lines).containsExactly("WARN dropped 5", "WARN dropped 11 (2 similar warnings held back)");
    }

    @Test
    void warn_topicsHaveTheirOwnLimits() {
        log.warn(Topic.STORE, "store", null);
        log.warn(Topic.DRAIN, "drain", null);
        log.warn(Topic.DROPS, "drops", null);
        log.warn(Topic.START, "start", null);

        assertThat(output.lines).containsExactly("WARN store", "WARN drain", "WARN drops", "WARN start");
    }

    @Test
    void resolved_saysSoOnceAfterAWarning() {
        log.resolved(Topic.STORE, "works again");
        assertThat(output.lines).as("nothing to resolve").isEmpty();

        log.warn(Topic.STORE, "down", null);
        log.resolved(Topic.STORE, "works again");
        log.resolved(Topic.STORE, "works again");

        assertThat(output.lines).containsExactly("WARN down", "INFO works again");
    }

    @Test
    void aTroubleThatComesAndGoesQuickly_isSaidAtMostOncePerInterval() {
        // Regression: a store failing every tenth batch wrote two lines per failure.
        for (int i = 0; i < 5; i++) {
            log.warn(Topic.STORE, "down", null);
            log.resolved(Topic.STORE, "works again");
            now += INTERVAL / 10;
        }
        now += INTERVAL;
        log.warn(Topic.STORE, "down", null);

        assertThat(output.lines)
                .containsExactly("WARN down", "INFO works again", "WARN down (4 similar warnings held back)");
    }

    @Test
    void streamOutput_writesOneLinePrefixedAndNoStackTrace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OperatorLog.StreamOutput stream =
                new OperatorLog.StreamOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        stream.warn("recording could not start", new IllegalStateException("x"));
        stream.info("works again");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("telltale: recording could not start", "telltale: works again");
    }

    @Test
    void summary_isOneLineAndNamesTheClassWhereTheMessageAloneWouldNotSay() {
        assertThat(OperatorLog.summary(null)).isEmpty();
        assertThat(OperatorLog.summary(new IOException("chronicle /q: no space")))
                .isEqualTo("chronicle /q: no space");
        assertThat(OperatorLog.summary(new StoreAppendException("jsonl /f: deleted", 0, null)))
                .isEqualTo("jsonl /f: deleted");
        assertThat(OperatorLog.summary(new NoSuchFileException("/q/a")))
                .isEqualTo("java.nio.file.NoSuchFileException: /q/a");
        assertThat(OperatorLog.summary(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
        assertThat(OperatorLog.summary(new IllegalStateException("two\nlines\r")))
                .isEqualTo("java.lang.IllegalStateException: two lines ");
        assertThat(OperatorLog.summary(new IllegalStateException() {
                    @Override
                    public String getMessage() {
                        throw new UnsupportedOperationException();
                    }
                }))
                .startsWith("dev.telltale.core.internal.OperatorLogTest$");
    }

    @Test
    void slf4jHasProvider_isTrueWithSlf4jSimpleOnTheTestClassPath() {
        assertThat(OperatorLog.slf4jHasProvider()).isTrue();
    }
}
