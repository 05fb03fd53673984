package dev.telltale.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.CommandTimer;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventPayload;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import dev.telltale.core.testing.RecordingStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Commands recorded by hand reach the store as generated code's do, and count in their session. */
class CommandTimerTest {

    private static List<DslEvent> recordWithGlobal(Supplier<TelltaleSession> work) {
        RecordingStore store = new RecordingStore();
        Events events = Events.start(EventsConfig.builder()
                .store(store)
                .shutdownHook(false)
                .flushInterval(Duration.ofMillis(20))
                .build());
        Events previous = Events.installGlobal(events);
        try {
            work.get();
        } finally {
            Events.installGlobal(previous != null ? previous : Events.disabled());
            events.close();
        }
        return store.events();
    }

    @Test
    void aCommandThatSucceeds_isOneCommandSucceededEventInTheCurrentSession() {
        TelltaleSession[] opened = new TelltaleSession[1];
        List<DslEvent> recorded = recordWithGlobal(() -> {
            try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
                opened[0] = session;
                CommandTimer command = CommandTimer.start("lambda.run");
                command.close();
                assertThat(session.commandCount()).isEqualTo(1);
                assertThat(session.errorCount()).isZero();
                assertThat(session.lastCommand()).map(ref -> ref.verb()).contains("lambda.run");
                return session;
            }
        });

        List<DslEvent> commands =
                recorded.stream().filter(e -> e.commandVerb() != null).toList();
        assertThat(commands).singleElement().satisfies(event -> {
            assertThat(event.payload()).isInstanceOf(EventPayload.CommandSucceeded.class);
            assertThat(event.commandVerb()).isEqualTo("lambda.run");
            assertThat(event.sessionId()).isEqualTo(opened[0].id());
        });
    }

    @Test
    void aCommandToldItFailed_isOneCommandFailedEventWithTheError_andClosingTwiceRecordsOnce() {
        UUID elsewhere = UUID.randomUUID();
        List<DslEvent> recorded = recordWithGlobal(() -> {
            CommandTimer command = CommandTimer.start(" ", elsewhere).failed(new IllegalStateException("no such cbu"));
            command.close();
            command.close();
            CommandTimer.start("recovered", (TelltaleSession) null)
                    .failed(new RuntimeException())
                    .failed(null)
                    .close();
            return null;
        });

        assertThat(recorded).hasSize(2);
        DslEvent failed = recorded.get(0);
        assertThat(failed.payload()).isInstanceOfSatisfying(EventPayload.CommandFailed.class, payload -> {
            assertThat(payload.verb()).isEqualTo("unknown");
            assertThat(payload.error().errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(payload.error().message()).isEqualTo("no such cbu");
        });
        assertThat(failed.sessionId()).isEqualTo(elsewhere);
        assertThat(recorded.get(1).payload()).isInstanceOf(EventPayload.CommandSucceeded.class);
        assertThat(recorded.get(1).sessionId()).isNull();
    }

    @Test
    void aCommandOfTheCurrentSessionGivenById_countsThere() {
        recordWithGlobal(() -> {
            try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
                CommandTimer.start("by.id", session.id()).failed(new Error("x")).close();
                CommandTimer.start("other", UUID.randomUUID()).close();

                assertThat(session.commandCount()).isEqualTo(1);
                assertThat(session.errorCount()).isEqualTo(1);
                return session;
            }
        });
    }
}
