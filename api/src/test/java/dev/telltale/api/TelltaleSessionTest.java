package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link TelltaleSession#lastCommand()} as generated code feeds it (through {@link Capture}), without a
 * runtime. That the reference matches the event emitted is {@link SessionLogRecordedTest}'s.
 */
class TelltaleSessionTest {

    @Test
    void lastCommand_beforeTheFirstCommand_isEmpty() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            assertThat(session.lastCommand()).isEmpty();
        }
    }

    @Test
    void lastCommand_afterACommandSucceeded_refersToItsSessionStartAndVerb() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            long start = System.nanoTime();
            Capture.succeeded("cbu.create", session, start);

            assertThat(session.lastCommand())
                    .contains(new EventRef(session.id(), EventClock.epochNanos(start), "cbu.create"));
        }
    }

    @Test
    void lastCommand_afterAFailureThenASuccess_refersToTheLatestAndBothAreCounted() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            Capture.failed("cbu.get", session.id(), System.nanoTime(), new IllegalStateException("no"));
            assertThat(session.lastCommand())
                    .hasValueSatisfying(ref -> assertThat(ref.verb()).isEqualTo("cbu.get"));

            long start = System.nanoTime();
            Capture.succeeded("cbu.list", session, start);

            assertThat(session.lastCommand())
                    .contains(new EventRef(session.id(), EventClock.epochNanos(start), "cbu.list"));
            assertThat(session.commandCount()).isEqualTo(2);
            assertThat(session.errorCount()).isEqualTo(1);
        }
    }

    @Test
    void lastCommand_ignoresACommandOfAnotherSession() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            Capture.succeeded("cbu.create", session, System.nanoTime());
            EventRef mine = session.lastCommand().orElseThrow();

            Capture.succeeded("elsewhere", UUID.randomUUID(), System.nanoTime());

            assertThat(session.lastCommand()).contains(mine);
            assertThat(session.commandCount()).isEqualTo(1);
        }
    }

    @Test
    void lastCommand_afterACommandRecordedWithABlankVerb_isEmptyRatherThanThrowing() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            session.recordCommand(1L, " ", false);

            assertThat(session.lastCommand()).isEmpty();
            assertThat(session.commandCount()).isEqualTo(1);
        }
    }
}
