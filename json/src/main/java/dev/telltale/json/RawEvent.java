package dev.telltale.json;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.api.EventType;
import dev.telltale.api.SessionSource;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The fields of one line as read, before validation; {@code null} means absent (or of the wrong
 * type, which {@link #noteProblem} recorded). {@link #toEvent()} checks them in a fixed order: the
 * schema version first, because a newer writer may have changed anything else, then the first type
 * problem, then each required field, then the values.
 */
final class RawEvent {

    Long version;
    String timestamp;
    String session;
    String type;
    String verb;
    Long durationNanos;
    RawError error;
    String source;
    Long commandCount;
    Long errorCount;
    String entry;
    Long entryNo;
    String content;
    RawRef event;
    Boolean closing;
    String since;
    Long droppedQueueFull;
    Long droppedClosed;
    Long droppedNull;
    Long lost;
    Long emitted;
    Long persisted;
    Long droppedTotal;
    Long lostTotal;

    private String problem;

    /** Records the first problem found while reading; later ones add nothing a reader needs. */
    void noteProblem(String description) {
        if (problem == null) {
            problem = description;
        }
    }

    DslEvent toEvent() throws EventJsonException {
        checkVersion();
        if (problem != null) {
            throw new EventJsonException(problem);
        }
        long epochNanos = epochNanos(require(timestamp, FieldNames.TIMESTAMP), FieldNames.TIMESTAMP);
        UUID sessionId = session == null ? null : sessionId(session, FieldNames.SESSION);
        EventType eventType = eventType(require(type, FieldNames.TYPE));
        try {
            return new DslEvent(epochNanos, sessionId, payload(eventType));
        } catch (IllegalArgumentException invalid) {
            throw new EventJsonException("invalid " + eventType.wireName() + " event: " + invalid.getMessage());
        }
    }

    private void checkVersion() throws EventJsonException {
        if (version == null) {
            if (problem == null) {
                throw missing(FieldNames.VERSION);
            }
        } else if (version < 1 || version > EventJson.SCHEMA_VERSION) {
            throw new EventJsonException(
                    "unsupported schema version " + version + " (this reader knows " + EventJson.SCHEMA_VERSION + ")");
        }
    }

    private EventPayload payload(EventType eventType) throws EventJsonException {
        return switch (eventType) {
            case COMMAND_SUCCEEDED -> new EventPayload.CommandSucceeded(require(verb, FieldNames.VERB), duration());
            case COMMAND_FAILED ->
                new EventPayload.CommandFailed(
                        require(verb, FieldNames.VERB),
                        duration(),
                        require(error, FieldNames.ERROR).toSnapshot());
            case SESSION_STARTED -> new EventPayload.SessionStarted(sessionSource(require(source, FieldNames.SOURCE)));
            case SESSION_ENDED ->
                new EventPayload.SessionEnded(
                        count(commandCount, FieldNames.COMMAND_COUNT),
                        count(errorCount, FieldNames.ERROR_COUNT),
                        duration());
            case SESSION_ENTRY ->
                new EventPayload.SessionEntry(
                        entryType(require(entry, FieldNames.ENTRY)),
                        entryNo(),
                        require(source, FieldNames.SOURCE),
                        require(content, FieldNames.CONTENT),
                        event == null ? null : event.toRef());
            case RECORDER_ACCOUNT ->
                new EventPayload.RecorderAccount(
                        require(closing, FieldNames.FINAL),
                        epochNanos(require(since, FieldNames.SINCE), FieldNames.SINCE),
                        count(droppedQueueFull, FieldNames.DROPPED_QUEUE_FULL),
                        count(droppedClosed, FieldNames.DROPPED_CLOSED),
                        count(droppedNull, FieldNames.DROPPED_NULL),
                        count(lost, FieldNames.LOST),
                        count(emitted, FieldNames.EMITTED),
                        count(persisted, FieldNames.PERSISTED),
                        count(droppedTotal, FieldNames.DROPPED_TOTAL),
                        count(lostTotal, FieldNames.LOST_TOTAL));
        };
    }

    private long entryNo() throws EventJsonException {
        long number = require(entryNo, FieldNames.ENTRY_NO);
        if (number < 1) {
            throw new EventJsonException("field '" + FieldNames.ENTRY_NO + "' must be positive, got " + number);
        }
        return number;
    }

    private long duration() throws EventJsonException {
        return count(durationNanos, FieldNames.DURATION_NANOS);
    }

    private static long count(Long value, String field) throws EventJsonException {
        long count = require(value, field);
        if (count < 0) {
            throw new EventJsonException("field '" + field + "' must not be negative, got " + count);
        }
        return count;
    }

    private static long epochNanos(String text, String field) throws EventJsonException {
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeException notAnInstant) {
            throw new EventJsonException(
                    "field '" + field + "' is not an ISO-8601 UTC instant: " + Problems.quote(text), notAnInstant);
        }
        try {
            return EventClock.toEpochNanos(instant);
        } catch (ArithmeticException tooFar) {
            throw new EventJsonException(
                    "field '" + field + "' is out of range (years 1677 to 2262): " + Problems.quote(text), tooFar);
        }
    }

    /** Only the canonical 36-char form: {@link UUID#fromString} alone also takes forms like {@code 1-2-3-4-5}. */
    private static UUID sessionId(String text, String field) throws EventJsonException {
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            throw notAUuid(text, field, notAUuid);
        }
        if (!id.toString().equalsIgnoreCase(text)) {
            throw notAUuid(text, field, null);
        }
        return id;
    }

    private static EventJsonException notAUuid(String text, String field, Throwable cause) {
        return new EventJsonException("field '" + field + "' is not a UUID: " + Problems.quote(text), cause);
    }

    private static EventType eventType(String wireName) throws EventJsonException {
        try {
            return EventType.fromWireName(wireName);
        } catch (IllegalArgumentException unknown) {
            // Not its message: that one repeats the whole name, however long.
            throw new EventJsonException("unknown event type " + Problems.quote(wireName), unknown);
        }
    }

    private static EntryType entryType(String wireName) throws EventJsonException {
        try {
            return EntryType.fromWireName(wireName);
        } catch (IllegalArgumentException unknown) {
            throw new EventJsonException("unknown entry type " + Problems.quote(wireName), unknown);
        }
    }

    private static SessionSource sessionSource(String name) throws EventJsonException {
        try {
            return SessionSource.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            throw new EventJsonException("unknown session source " + Problems.quote(name), unknown);
        }
    }

    private static <T> T require(T value, String field) throws EventJsonException {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    private static EventJsonException missing(String field) {
        return new EventJsonException("missing field '" + field + "'");
    }

    /** The fields of a line's {@code error} object as read. */
    static final class RawError {

        String type;
        String message;
        String sourceId;
        Long httpStatus;
        String verb;

        ErrorSnapshot toSnapshot() throws EventJsonException {
            return new ErrorSnapshot(
                    require(type, FieldNames.ERROR_TYPE),
                    require(message, FieldNames.ERROR_MESSAGE),
                    sourceId,
                    httpStatus(),
                    require(verb, FieldNames.ERROR_VERB));
        }

        private Integer httpStatus() throws EventJsonException {
            if (httpStatus == null) {
                return null;
            }
            if (httpStatus < Integer.MIN_VALUE || httpStatus > Integer.MAX_VALUE) {
                throw new EventJsonException(
                        "field '" + FieldNames.ERROR_HTTP_STATUS + "' is out of range: " + httpStatus);
            }
            return httpStatus.intValue();
        }
    }

    /** The fields of a session entry's {@code event} object as read. */
    static final class RawRef {

        String session;
        String timestamp;
        String verb;

        EventRef toRef() throws EventJsonException {
            UUID sessionId = sessionId(require(session, FieldNames.EVENT_SESSION), FieldNames.EVENT_SESSION);
            long epochNanos = epochNanos(require(timestamp, FieldNames.EVENT_TIMESTAMP), FieldNames.EVENT_TIMESTAMP);
            String refVerb = require(verb, FieldNames.EVENT_VERB);
            if (refVerb.isBlank()) {
                throw new EventJsonException("field '" + FieldNames.EVENT_VERB + "' must not be blank");
            }
            return new EventRef(sessionId, epochNanos, refVerb);
        }
    }
}
