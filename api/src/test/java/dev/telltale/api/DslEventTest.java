package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.telltale.api.EventPayload.CommandFailed;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.api.EventPayload.SessionEnded;
import dev.telltale.api.EventPayload.SessionStarted;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DslEvent}: validation, factories and timestamps. */
class DslEventTest {

    private static final UUID SESSION = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final long AT = 1_700_000_000_123_456_789L;

    @Test
    void new_whenPayloadIsNull_rejectsNamingPayload() {
        assertThatNullPointerException()
                .isThrownBy(() -> new DslEvent(AT, SESSION, null))
                .withMessageContaining("payload");
    }

    @Test
    void new_whenSessionIdIsNull_acceptsIt() {
        DslEvent event = new DslEvent(AT, null, new SessionStarted(SessionSource.API));

        assertThat(event.sessionId()).isNull();
    }

    @Test
    void succeeded_buildsCommandSucceeded() {
        DslEvent event = DslEvent.succeeded(AT, SESSION, "cbu.create", 1_500_000);

        assertThat(event.epochNanos()).isEqualTo(AT);
        assertThat(event.sessionId()).isEqualTo(SESSION);
        assertThat(event.payload()).isEqualTo(new CommandSucceeded("cbu.create", 1_500_000));
        assertThat(event.type()).isEqualTo(EventType.COMMAND_SUCCEEDED);
    }

    @Test
    void failed_buildsCommandFailedWithASnapshotOfTheError() {
        IllegalStateException error = new IllegalStateException("no such cbu");

        DslEvent event = DslEvent.failed(AT, SESSION, "cbu.delete", 2_000, error);

        assertThat(event.epochNanos()).isEqualTo(AT);
        assertThat(event.sessionId()).isEqualTo(SESSION);
        assertThat(event.type()).isEqualTo(EventType.COMMAND_FAILED);
        assertThat(event.payload())
                .isEqualTo(new CommandFailed(
                        "cbu.delete",
                        2_000,
                        new ErrorSnapshot("java.lang.IllegalStateException", "no such cbu", null, null, "cbu.delete")));
        assertThat(event.payload())
                .isEqualTo(new CommandFailed("cbu.delete", 2_000, ErrorSnapshot.of(error, "cbu.delete")));
    }

    @Test
    void failed_whenErrorIsNull_recordsTypeNull() {
        DslEvent event = DslEvent.failed(AT, SESSION, "v", 1, null);

        assertThat(((CommandFailed) event.payload()).error().errorType()).isEqualTo("null");
    }

    @Test
    void failed_whenMessageIsHuge_carriesOnlyTheCutMessage() {
        DslEvent event = DslEvent.failed(AT, SESSION, "v", 1, new RuntimeException("x".repeat(100_000)));

        assertThat(((CommandFailed) event.payload()).error().message()).hasSize(ErrorSnapshot.MAX_MESSAGE_LENGTH);
    }

    @Test
    void sessionStarted_buildsSessionStarted() {
        DslEvent event = DslEvent.sessionStarted(AT, SESSION, SessionSource.GUI);

        assertThat(event.payload()).isEqualTo(new SessionStarted(SessionSource.GUI));
        assertThat(event.type()).isEqualTo(EventType.SESSION_STARTED);
        assertThat(event.sessionId()).isEqualTo(SESSION);
        assertThat(event.epochNanos()).isEqualTo(AT);
    }

    @Test
    void sessionEnded_buildsSessionEnded() {
        DslEvent event = DslEvent.sessionEnded(AT, SESSION, 10, 2, 5_000_000_000L);

        assertThat(event.payload()).isEqualTo(new SessionEnded(10, 2, 5_000_000_000L));
        assertThat(event.type()).isEqualTo(EventType.SESSION_ENDED);
        assertThat(((SessionEnded) event.payload()).durationSecs()).isEqualTo(5);
    }

    @Test
    void timestamp_forPositiveEpochNanos_isTheInstant() {
        DslEvent event = DslEvent.succeeded(AT, SESSION, "v", 0);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2023-11-14T22:13:20.123456789Z"));
    }

    @Test
    void timestamp_forNegativeEpochNanos_isBefore1970() {
        assertThat(DslEvent.succeeded(-1, SESSION, "v", 0).timestamp())
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
        assertThat(DslEvent.succeeded(-1_500_000_000L, SESSION, "v", 0).timestamp())
                .isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
        assertThat(DslEvent.succeeded(-86_400_000_000_001L, SESSION, "v", 0).timestamp())
                .isEqualTo(Instant.parse("1969-12-30T23:59:59.999999999Z"));
    }

    @ParameterizedTest(name = "epochNanos {0}")
    @ValueSource(longs = {0, 1, -1, AT, -AT, 999_999_999, 1_000_000_000, -999_999_999, -1_000_000_000, -1_000_000_001})
    void timestamp_roundTripsThroughToEpochNanos(long epochNanos) {
        DslEvent event = DslEvent.succeeded(epochNanos, null, "v", 0);

        assertThat(EventClock.toEpochNanos(event.timestamp())).isEqualTo(epochNanos);
    }
}
