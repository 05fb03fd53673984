package dev.telltale.api;

import java.util.concurrent.TimeUnit;

/**
 * What happened: one of five records. Persisted forms tell them apart by {@link #type()}.
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
                EventPayload.SessionEntry {

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

    private static void requireDuration(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must not be negative, got " + durationNanos);
        }
    }
}
