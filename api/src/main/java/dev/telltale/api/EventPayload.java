package dev.telltale.api;

import java.util.concurrent.TimeUnit;

/**
 * What happened: one of six records. Persisted forms tell them apart by {@link #type()}.
 *
 * <p>Durations are kept in nanoseconds: the commands Telltale records often take microseconds, and
 * the design note's whole milliseconds would read as zero. {@code durationMs()} and
 * {@code durationSecs()} give the note's units.
 */
public sealed interface EventPayload
        permits EventPayload.CommandSucceeded,
                EventPayload.CommandFailed,
                EventPayload.SessionStarted,
                EventPayload.SessionEnded,
                EventPayload.SessionEntry,
                EventPayload.RecorderAccount {

    /** The longest verb an event keeps, in chars; a longer one is cut when the payload is made. */
    int MAX_VERB_LENGTH = 256;

    /** The longest session-log content an entry keeps, in chars; longer content is cut: {@value}. */
    int MAX_CONTENT_LENGTH = 1 << 20;

    /** The longest session-log source name an entry keeps, in chars. */
    int MAX_SOURCE_LENGTH = 256;

    /** The kind of this payload and its persisted name. */
    EventType type();

    /**
     * A command that returned normally.
     *
     * @param verb the command's verb, such as {@code cbu.create}; cut to {@value #MAX_VERB_LENGTH} chars
     * @param durationNanos how long the command ran, never negative
     */
    record CommandSucceeded(String verb, long durationNanos) implements EventPayload {
        public CommandSucceeded {
            verb = Strings.cut(Strings.requireText(verb, "verb"), MAX_VERB_LENGTH);
            requireDuration(durationNanos);
        }

        @Override
        public EventType type() {
            return EventType.COMMAND_SUCCEEDED;
        }

        /** The duration in whole milliseconds, rounded down. */
        public long durationMs() {
            return TimeUnit.NANOSECONDS.toMillis(durationNanos);
        }
    }

    /**
     * A command that threw (or whose asynchronous result completed exceptionally).
     *
     * @param verb the command's verb; cut to {@value #MAX_VERB_LENGTH} chars
     * @param durationNanos how long the command ran, never negative
     * @param error what it threw, already bounded
     */
    record CommandFailed(String verb, long durationNanos, ErrorSnapshot error) implements EventPayload {
        public CommandFailed {
            verb = Strings.cut(Strings.requireText(verb, "verb"), MAX_VERB_LENGTH);
            requireDuration(durationNanos);
            if (error == null) {
                throw new NullPointerException("error must not be null");
            }
        }

        @Override
        public EventType type() {
            return EventType.COMMAND_FAILED;
        }

        /** The duration in whole milliseconds, rounded down. */
        public long durationMs() {
            return TimeUnit.NANOSECONDS.toMillis(durationNanos);
        }
    }

    /**
     * A session began.
     *
     * @param source where the session came from
     */
    record SessionStarted(SessionSource source) implements EventPayload {
        public SessionStarted {
            if (source == null) {
                throw new NullPointerException("source must not be null");
            }
        }

        @Override
        public EventType type() {
            return EventType.SESSION_STARTED;
        }
    }

    /**
     * A session ended.
     *
     * @param commandCount commands run in the session
     * @param errorCount of those, how many failed
     * @param durationNanos how long the session lasted
     */
    record SessionEnded(long commandCount, long errorCount, long durationNanos) implements EventPayload {
        public SessionEnded {
            if (commandCount < 0 || errorCount < 0 || errorCount > commandCount) {
                throw new IllegalArgumentException("need 0 <= errorCount <= commandCount, got errorCount=" + errorCount
                        + " commandCount=" + commandCount);
            }
            requireDuration(durationNanos);
        }

        @Override
        public EventType type() {
            return EventType.SESSION_ENDED;
        }

        /** The duration in whole seconds, rounded down. */
        public long durationSecs() {
            return TimeUnit.NANOSECONDS.toSeconds(durationNanos);
        }
    }

    /**
     * One entry of a session's conversation, written by a {@link SessionLogger}. It travels through
     * the same pipeline as the events and is exported beside them ({@code sessions.log} in PostgreSQL).
     *
     * @param entryType what kind of entry
     * @param entryNo the entry's number in its logger, from 1: what the logger's methods return
     * @param source who logged it, such as {@code REPL}; cut to {@value #MAX_SOURCE_LENGTH} chars
     * @param content the text, any text; cut to {@value #MAX_CONTENT_LENGTH} chars without splitting a
     *     surrogate pair
     * @param event the command event the entry refers to, or {@code null}
     */
    record SessionEntry(EntryType entryType, long entryNo, String source, String content, EventRef event)
            implements EventPayload {
        public SessionEntry {
            if (entryType == null) {
                throw new NullPointerException("entryType must not be null");
            }
            if (entryNo < 1) {
                throw new IllegalArgumentException("entryNo must be positive, got " + entryNo);
            }
            source = Strings.cut(Strings.requireText(source, "source"), MAX_SOURCE_LENGTH);
            if (content == null) {
                throw new NullPointerException("content must not be null");
            }
            content = Strings.cut(content, MAX_CONTENT_LENGTH);
        }

        @Override
        public EventType type() {
            return EventType.SESSION_ENTRY;
        }
    }

    /**
     * The recorder's own account, written into the store by its drain thread (never by
     * {@code emit}): what it dropped and lost since the previous account, and its totals so far. The
     * drain writes one at most once a second while events are being dropped or lost, and a final one
     * when the recorder closes, so a store keeps the record of its own gaps after the process is gone
     * (as JFR keeps {@code jdk.DataLoss} in the recording). Accounts are not counted as events in
     * {@link EventStats}: {@code emitted == persisted + dropped + lost} counts the application's events.
     *
     * @param closing whether this is the final account, written when the recorder closed
     * @param sinceEpochNanos the start of the interval this account covers (the previous account, or
     *     when the recorder started), in nanoseconds since the epoch; the event's own time is its end
     * @param droppedQueueFull events dropped in the interval because the queue was full
     * @param droppedClosed events dropped in the interval because the recorder was closing
     * @param droppedNull invalid events (null, or a command that could not be built) dropped in the interval
     * @param lost events lost in the interval because the store failed to append them
     * @param emitted events emitted since the recorder started (the application's, accepted or not)
     * @param persisted events the store accepted since the recorder started
     * @param droppedTotal events dropped since the recorder started, for any reason
     * @param lostTotal events lost since the recorder started
     */
    record RecorderAccount(
            boolean closing,
            long sinceEpochNanos,
            long droppedQueueFull,
            long droppedClosed,
            long droppedNull,
            long lost,
            long emitted,
            long persisted,
            long droppedTotal,
            long lostTotal)
            implements EventPayload {
        public RecorderAccount {
            requireCount(droppedQueueFull, "droppedQueueFull");
            requireCount(droppedClosed, "droppedClosed");
            requireCount(droppedNull, "droppedNull");
            requireCount(lost, "lost");
            requireCount(emitted, "emitted");
            requireCount(persisted, "persisted");
            requireCount(droppedTotal, "droppedTotal");
            requireCount(lostTotal, "lostTotal");
        }

        @Override
        public EventType type() {
            return EventType.RECORDER_ACCOUNT;
        }

        /** Events dropped in the interval, for any reason. */
        public long dropped() {
            return droppedQueueFull + droppedClosed + droppedNull;
        }
    }

    private static void requireCount(long count, String name) {
        if (count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }

    private static void requireDuration(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must not be negative, got " + durationNanos);
        }
    }
}
