package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionStarted;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four {@link EventPayload} records. */
class EventPayloadTest {

    private static final ErrorSnapshot ERROR = new ErrorSnapshot("java.lang.Exception", "m", null, null, "v");

    @Test
    void payloads_coverEveryEventTypeOnce() {
        List<EventPayload> one = List.of(
                new CommandSucceeded("v", 0), new CommandFailed("v", 0, ERROR),
                new SessionStarted(SessionSource.REPL), new SessionEnded(0, 0, 0));

        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        one.forEach(payload -> types.add(payload.type()));

        assertThat(types).containsExactlyInAnyOrder(EventType.values());
        assertThat(EventPayload.class.getPermittedSubclasses()).hasSize(EventType.values().length);
    }

    @Nested
    class CommandSucceededTest {

        @Test
        void type_isCommandSucceeded() {
            assertThat(new CommandSucceeded("v", 1).type()).isEqualTo(EventType.COMMAND_SUCCEEDED);
        }

        @Test
        void new_whenVerbIsNull_rejectsNamingVerb() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new CommandSucceeded(null, 1))
                    .withMessageContaining("verb");
        }

        @ParameterizedTest(name = "verb [{0}]")
        @ValueSource(strings = {"", " ", "\t\n"})
        void new_whenVerbIsBlank_rejectsNamingVerb(String verb) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CommandSucceeded(verb, 1))
                    .withMessageContaining("verb");
        }

        @Test
        void new_whenDurationIsNegative_rejectsNamingTheValue() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CommandSucceeded("v", -5))
                    .withMessageContaining("durationNanos")
                    .withMessageContaining("-5");
        }

        @Test
        void new_whenDurationIsZero_acceptsIt() {
            assertThat(new CommandSucceeded("v", 0).durationNanos()).isZero();
        }

        @Test
        void new_whenVerbIsLongerThan256_cutsIt() {
            String verb = "v".repeat(300);

            assertThat(new CommandSucceeded(verb, 1).verb())
                    .hasSize(EventPayload.MAX_VERB_LENGTH).hasSize(256).isEqualTo(verb.substring(0, 256));
        }

        @Test
        void new_whenVerbIsExactly256_keepsTheSameInstance() {
            String verb = "v".repeat(256);

            assertThat(new CommandSucceeded(verb, 1).verb()).isSameAs(verb);
        }

        @Test
        void durationMs_roundsDown() {
            assertThat(new CommandSucceeded("v", 0).durationMs()).isZero();
            assertThat(new CommandSucceeded("v", 999_999).durationMs()).isZero();
            assertThat(new CommandSucceeded("v", 1_000_000).durationMs()).isEqualTo(1);
            assertThat(new CommandSucceeded("v", 1_999_999).durationMs()).isEqualTo(1);
            assertThat(new CommandSucceeded("v", 2_500_000_000L).durationMs()).isEqualTo(2_500);
        }
    }

    @Nested
    class CommandFailedTest {

        @Test
        void type_isCommandFailed() {
            assertThat(new CommandFailed("v", 1, ERROR).type()).isEqualTo(EventType.COMMAND_FAILED);
        }

        @Test
        void new_whenVerbIsNull_rejectsNamingVerb() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new CommandFailed(null, 1, ERROR))
                    .withMessageContaining("verb");
        }

        @Test
        void new_whenVerbIsBlank_rejectsNamingVerb() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CommandFailed("  ", 1, ERROR))
                    .withMessageContaining("verb");
        }

        @Test
        void new_whenDurationIsNegative_rejectsNamingTheValue() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new CommandFailed("v", -7, ERROR))
                    .withMessageContaining("durationNanos")
                    .withMessageContaining("-7");
        }

        @Test
        void new_whenErrorIsNull_rejectsNamingError() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new CommandFailed("v", 1, null))
                    .withMessageContaining("error");
        }

        @Test
        void new_whenVerbIsLongerThan256_cutsIt() {
            assertThat(new CommandFailed("f".repeat(257), 1, ERROR).verb()).isEqualTo("f".repeat(256));
        }

        @Test
        void durationMs_roundsDown() {
            assertThat(new CommandFailed("v", 1_999_999, ERROR).durationMs()).isEqualTo(1);
            assertThat(new CommandFailed("v", 42_000_000, ERROR).durationMs()).isEqualTo(42);
        }
    }

    @Nested
    class SessionStartedTest {

        @Test
        void type_isSessionStarted() {
            assertThat(new SessionStarted(SessionSource.MCP).type()).isEqualTo(EventType.SESSION_STARTED);
        }

        @Test
        void new_whenSourceIsNull_rejectsNamingSource() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new SessionStarted(null))
                    .withMessageContaining("source");
        }
    }

    @Nested
    class SessionEndedTest {

        @Test
        void type_isSessionEnded() {
            assertThat(new SessionEnded(3, 1, 10).type()).isEqualTo(EventType.SESSION_ENDED);
        }

        @Test
        void new_whenErrorCountExceedsCommandCount_rejectsNamingBoth() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEnded(2, 3, 10))
                    .withMessageContaining("errorCount=3")
                    .withMessageContaining("commandCount=2");
        }

        @Test
        void new_whenErrorCountEqualsCommandCount_acceptsIt() {
            SessionEnded ended = new SessionEnded(4, 4, 10);

            assertThat(ended.commandCount()).isEqualTo(4);
            assertThat(ended.errorCount()).isEqualTo(4);
        }

        @Test
        void new_whenCommandCountIsNegative_rejectsIt() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEnded(-1, 0, 10))
                    .withMessageContaining("commandCount=-1");
        }

        @Test
        void new_whenErrorCountIsNegative_rejectsIt() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEnded(1, -1, 10))
                    .withMessageContaining("errorCount=-1");
        }

        @Test
        void new_whenDurationIsNegative_rejectsNamingTheValue() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEnded(1, 0, -9))
                    .withMessageContaining("durationNanos")
                    .withMessageContaining("-9");
        }

        @Test
        void durationSecs_roundsDown() {
            assertThat(new SessionEnded(0, 0, 0).durationSecs()).isZero();
            assertThat(new SessionEnded(0, 0, 999_999_999).durationSecs()).isZero();
            assertThat(new SessionEnded(0, 0, 1_000_000_000).durationSecs()).isEqualTo(1);
            assertThat(new SessionEnded(0, 0, 2_999_999_999L).durationSecs()).isEqualTo(2);
            assertThat(new SessionEnded(0, 0, 3_600_000_000_000L).durationSecs()).isEqualTo(3_600);
        }
    }
}
