package dev.telltale.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Records a session's conversation (what the user said, what an agent thought, the DSL commands run,
 * the responses and errors shown) next to the events of its commands, in the design note's shape.
 *
 * <pre>{@code
 * SessionLogger log = SessionLogger.of(session);
 * log.logUserInput(line);
 * try {
 *     String answer = executor.execute(line);
 *     log.logDslCommand(line, session.lastCommand().orElse(null));
 *     log.logResponse(answer);
 * } catch (DslException e) {
 *     log.logError(e.getMessage(), session.lastCommand().orElse(null));
 * }
 * }</pre>
 *
 * <p>Entries travel through the same pipeline as the events: each call builds one
 * {@link EventPayload.SessionEntry} event and hands it to the recorder, which persists it with the
 * events (Chronicle Queue or JSON Lines) and exports it exactly once to {@code sessions.log}. So a
 * call never waits for a database, never fails because one is slow or down, and an entry accepted by
 * the recorder is kept like any event. The recorder drops an entry only when its queue is full, and
 * counts it like any dropped event ({@code :events}, health).
 *
 * <p>Every method returns the entry's number in this logger (1, 2, 3, ...), never throws (a
 * {@code null} content is logged as empty text) and may be called from any thread. Without
 * Telltale's runtime the entries go nowhere, but numbers and counts still work.
 */
public final class SessionLogger {

    private final UUID sessionId;
    private final String source;
    private final AtomicLong entries = new AtomicLong();
    private final AtomicLongArray byType = new AtomicLongArray(EntryType.values().length);

    private SessionLogger(UUID sessionId, String source) {
        this.sessionId = sessionId;
        this.source = source;
    }

    /** A logger for {@code session}, with the session's source ({@code REPL}, {@code MCP}, ...) as its source. */
    public static SessionLogger of(TelltaleSession session) {
        Objects.requireNonNull(session, "session");
        return new SessionLogger(session.id(), session.source().name());
    }

    /**
     * A logger for the session with the given id.
     *
     * @param source who logs, such as {@code REPL} or {@code agent-7}; cut to
     *     {@value EventPayload#MAX_SOURCE_LENGTH} chars
     * @throws NullPointerException if either is {@code null}
     * @throws IllegalArgumentException if {@code source} is blank
     */
    public static SessionLogger of(UUID sessionId, String source) {
        Objects.requireNonNull(sessionId, "sessionId");
        return new SessionLogger(
                sessionId, Strings.cut(Strings.requireText(source, "source"), EventPayload.MAX_SOURCE_LENGTH));
    }

    public UUID sessionId() {
        return sessionId;
    }

    public String source() {
        return source;
    }

    /** What the user typed or said. */
    public long logUserInput(String content) {
        return log(EntryType.USER_INPUT, content, null);
    }

    /** An agent's reasoning. */
    public long logAgentThought(String content) {
        return log(EntryType.AGENT_THOUGHT, content, null);
    }

    /**
     * A DSL command as it was run.
     *
     * @param event the command's event ({@link TelltaleSession#lastCommand()}), or {@code null}
     */
    public long logDslCommand(String content, EventRef event) {
        return log(EntryType.DSL_COMMAND, content, event);
    }

    /** What the user was shown. */
    public long logResponse(String content) {
        return log(EntryType.RESPONSE, content, null);
    }

    /**
     * An error the user was shown.
     *
     * @param event the failed command's event ({@link TelltaleSession#lastCommand()}), or {@code null}
     */
    public long logError(String content, EventRef event) {
        return log(EntryType.ERROR, content, event);
    }

    /** Entries logged so far (handed to the recorder, which counts any it drops among its drops). */
    public long logged() {
        return entries.get();
    }

    /** Entries of one type logged so far. */
    public long logged(EntryType type) {
        return byType.get(type.ordinal());
    }

    /** Entries logged so far, by type, types with none left out, in the order of {@link EntryType}. */
    public Map<EntryType, Long> loggedByType() {
        Map<EntryType, Long> counts = new EnumMap<>(EntryType.class);
        for (EntryType type : EntryType.values()) {
            long count = byType.get(type.ordinal());
            if (count > 0) {
                counts.put(type, count);
            }
        }
        return counts;
    }

    private long log(EntryType type, String content, EventRef event) {
        long entryNo = entries.incrementAndGet();
        byType.incrementAndGet(type.ordinal());
        try {
            EventPayload.SessionEntry entry =
                    new EventPayload.SessionEntry(type, entryNo, source, content == null ? "" : content, event);
            EventRuntime.current().sink().emit(DslEvent.sessionEntry(EventClock.nowEpochNanos(), sessionId, entry));
        } catch (Throwable recordingFailed) {
            // Only a runtime class that cannot even be initialised gets here; the caller goes on.
        }
        return entryNo;
    }

    @Override
    public String toString() {
        return "SessionLogger{" + sessionId + ", " + source + ", " + entries.get() + " entries}";
    }
}
