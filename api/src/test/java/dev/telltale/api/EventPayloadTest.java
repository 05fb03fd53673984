package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.RecorderAccount;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventPayload.SessionStarted;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five {@link EventPayload} records. */
class EventPayloadTest {

    private static final ErrorSnapshot ERROR = new ErrorSnapshot("java.lang.Exception", "m", null, null, "v");

    @Test
    void payloads_coverEveryEventTypeOnce() {
        List<EventPayload> one = List.of(
                new CommandSucceeded("v", 0),
                new CommandFailed("v", 0, ERROR),
                new SessionStarted(SessionSource.REPL),
                new SessionEnded(0, 0, 0),
                new SessionEntry(EntryType.USER_INPUT, 1, "REPL", "", null),
                new RecorderAccount(false, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        one.forEach(payload -> types.add(payload.type()));

        assertThat(types).containsExactlyInAnyOrder(EventType.values());
        assertThat(EventPayload.class.getPermittedSubclasses()).hasSize(EventType.values().length);
    }

    @Nested
    class RecorderAccountTest {

        @Test
        void type_isRecorderAccount_droppedSumsTheReasons() {
            RecorderAccount account = new RecorderAccount(true, 5, 1, 2, 4, 8, 100, 85, 7, 8);
            assertThat(account.type()).isEqualTo(EventType.RECORDER_ACCOUNT);
            assertThat(account.dropped()).isEqualTo(7);
            assertThat(DslEvent.recorderAccount(9, account).sessionId()).isNull();
            assertThat(DslEvent.recorderAccount(9, account).commandVerb()).isNull();
        }

        @Test
        void new_whenACountIsNegative_rejectsNamingIt() {
            String[] names = {
                "droppedQueueFull",
                "droppedClosed",
                "droppedNull",
                "lost",
                "emitted",
                "persisted",
                "droppedTotal",
                "lostTotal"
            };
            for (int i = 0; i < names.length; i++) {
                long[] counts = new long[names.length];
                counts[i] = -1;
                assertThatIllegalArgumentException()
                        .isThrownBy(() -> new RecorderAccount(
                                false, 0, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                                counts[7]))
                        .withMessage(names[i] + " must not be negative, got -1");
            }
        }
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
                    .hasSize(EventPayload.MAX_VERB_LENGTH)
                    .hasSize(256)
                    .isEqualTo(verb.substring(0, 256));
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
            assertThat(new SessionEnded(0, 0, 3_600_000_000_000L).durationSecs())
                    .isEqualTo(3_600);
        }
    }

    @Nested
    class SessionEntryTest {

        private final EventRef ref = new EventRef(UUID.randomUUID(), 5, "cbu.create");

        @Test
        void type_isSessionEntry() {
            assertThat(new SessionEntry(EntryType.ERROR, 1, "REPL", "c", ref).type())
                    .isEqualTo(EventType.SESSION_ENTRY);
        }

        @Test
        void new_whenEntryTypeIsNull_rejectsNamingIt() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new SessionEntry(null, 1, "REPL", "c", null))
                    .withMessageContaining("entryType");
        }

        @ParameterizedTest(name = "entryNo {0}")
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void new_whenEntryNoIsNotPositive_rejectsNamingTheValue(long entryNo) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEntry(EntryType.RESPONSE, entryNo, "REPL", "c", null))
                    .withMessage("entryNo must be positive, got " + entryNo);
        }

        @Test
        void new_whenSourceIsBlank_rejectsNamingSource() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new SessionEntry(EntryType.RESPONSE, 1, " ", "c", null))
                    .withMessageContaining("source");
        }

        @Test
        void new_whenContentIsNull_rejectsNamingContent() {
            assertThatNullPointerException()
                    .isThrownBy(() -> new SessionEntry(EntryType.RESPONSE, 1, "REPL", null, null))
                    .withMessageContaining("content");
        }

        @Test
        void new_whenSourceIsLongerThan256_cutsIt() {
            assertThat(new SessionEntry(EntryType.RESPONSE, 1, "s".repeat(300), "c", null).source())
                    .isEqualTo("s".repeat(EventPayload.MAX_SOURCE_LENGTH))
                    .hasSize(256);
        }

        @Test
        void new_whenContentIsLongerThanTheMaximum_cutsItWithoutSplittingASurrogatePair() {
            int max = EventPayload.MAX_CONTENT_LENGTH;
            String pairAcrossTheCut = "c".repeat(max - 1) + "\uD83D\uDE00" + "d".repeat(10 << 20);
            String pairBeforeTheCut = "c".repeat(max - 2) + "\uD83D\uDE00" + "d";

            assertThat(new SessionEntry(EntryType.RESPONSE, 1, "REPL", pairAcrossTheCut, null).content())
                    .isEqualTo("c".repeat(max - 1));
            assertThat(new SessionEntry(EntryType.RESPONSE, 1, "REPL", pairBeforeTheCut, null).content())
                    .hasSize(max)
                    .endsWith("\uD83D\uDE00");
        }

        @Test
        void new_keepsAnyContentAndARefAsGiven() {
            String content = "\u0000'); DROP TABLE sessions; --\uD800\n";

            SessionEntry entry = new SessionEntry(EntryType.DSL_COMMAND, Long.MAX_VALUE, "REPL", content, ref);

            assertThat(entry.content()).isSameAs(content);
            assertThat(entry.event()).isSameAs(ref);
            assertThat(entry.entryNo()).isEqualTo(Long.MAX_VALUE);
        }
    }
}
