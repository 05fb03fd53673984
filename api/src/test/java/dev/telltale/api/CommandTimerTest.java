package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Recording by hand without Telltale's runtime (this module's tests have none): sessions still count. */
class CommandTimerTest {

    @Test
    void start_inTheCurrentSession_countsOnceWhenClosed() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            CommandTimer command = CommandTimer.start("cbu.create");
            assertThat(session.commandCount())
                    .as("counted when it ends, not before")
                    .isZero();

            command.close();
            command.close();

            assertThat(session.commandCount()).isEqualTo(1);
            assertThat(session.errorCount()).isZero();
            assertThat(session.lastCommand()).map(EventRef::verb).contains("cbu.create");
        }
    }

    @Test
    void failed_countsAnError_andABlankOrMissingVerbIsUnknown() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            CommandTimer.start(null, session)
                    .failed(new IllegalStateException())
                    .close();
            assertThat(session.lastCommand()).map(EventRef::verb).contains(Capture.UNKNOWN_VERB);

            CommandTimer.start("\t", session).close();

            assertThat(session.commandCount()).isEqualTo(2);
            assertThat(session.errorCount()).isEqualTo(1);
        }
    }

    @Test
    void start_byId_countsOnlyInTheCurrentSessionOfThatId() {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            CommandTimer.start("mine", session.id()).close();
            CommandTimer.start("theirs", UUID.randomUUID()).close();
            CommandTimer.start("none", (UUID) null).close();

            assertThat(session.commandCount()).isEqualTo(1);
        }
        CommandTimer.start("no session at all").close();
    }
}
