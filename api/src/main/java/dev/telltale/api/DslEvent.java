package dev.telltale.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded event: when, in which session, and what happened. Immutable and bounded in size
 * (see {@link EventPayload} and {@link ErrorSnapshot}).
 *
 * @param epochNanos when it happened, in nanoseconds since the epoch (UTC); for a command, when it
 *     started. {@link #timestamp()} gives the same as an {@link Instant}
 * @param sessionId the session it belongs to, or {@code null} outside any session
 * @param payload what happened
 */
public record DslEvent(long epochNanos, UUID sessionId, EventPayload payload) {

    public DslEvent {
        if (payload == null) {
            throw new NullPointerException("payload must not be null");
        }
    }

    /** When it happened. */
    public Instant timestamp() {
        return EventClock.toInstant(epochNanos);
    }

    /** The kind of the payload. */
    public EventType type() {
        return payload.type();
    }

    /** The verb of a command's event ({@code CommandSucceeded}, {@code CommandFailed}); {@code null} for any other. */
    public String commandVerb() {
        if (payload instanceof EventPayload.CommandSucceeded succeeded) {
            return succeeded.verb();
        }
        if (payload instanceof EventPayload.CommandFailed failed) {
            return failed.verb();
        }
        return null;
    }

    /** A command that returned normally. */
    public static DslEvent succeeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        return new DslEvent(epochNanos, sessionId, new EventPayload.CommandSucceeded(verb, durationNanos));
    }

    /** A command that threw {@code error}; the error is turned into a bounded {@link ErrorSnapshot}. */
    public static DslEvent failed(long epochNanos, UUID sessionId, String verb, long durationNanos, Throwable error) {
        return new DslEvent(
                epochNanos,
                sessionId,
                new EventPayload.CommandFailed(verb, durationNanos, ErrorSnapshot.of(error, verb)));
    }

    /** A session began. */
    public static DslEvent sessionStarted(long epochNanos, UUID sessionId, SessionSource source) {
        return new DslEvent(epochNanos, sessionId, new EventPayload.SessionStarted(source));
    }

    /** A session ended. */
    public static DslEvent sessionEnded(
            long epochNanos, UUID sessionId, long commandCount, long errorCount, long durationNanos) {
        return new DslEvent(
                epochNanos, sessionId, new EventPayload.SessionEnded(commandCount, errorCount, durationNanos));
    }

    /** An entry of a session's conversation; see {@link SessionLogger}. */
    public static DslEvent sessionEntry(long epochNanos, UUID sessionId, EventPayload.SessionEntry entry) {
        return new DslEvent(epochNanos, sessionId, entry);
    }

    /** The recorder's own account of drops and losses; see {@link EventPayload.RecorderAccount}. */
    public static DslEvent recorderAccount(long epochNanos, EventPayload.RecorderAccount account) {
        return new DslEvent(epochNanos, null, account);
    }
}
