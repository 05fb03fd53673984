package dev.telltale.api;

import java.util.UUID;

/**
 * Records one command by hand, for code the annotation processor cannot reach: a lambda, a
 * dynamically dispatched handler, a command run by another JVM language. Start it when the command
 * starts; close it when it ends: it is recorded then, as succeeded, or as failed if {@link #failed}
 * was told why, exactly as a generated {@code *_Events} override records a command (same event, same
 * session counts, the same cost: two clock reads and one hand-over; recording a success allocates
 * nothing beyond this timer).
 *
 * <pre>{@code
 * try (CommandTimer command = CommandTimer.start("cbu.create")) {
 *     try {
 *         handler.run(request);
 *     } catch (RuntimeException e) {
 *         command.failed(e);
 *         throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>Never throws, never blocks: a {@code null} or blank verb is recorded as {@value Capture#UNKNOWN_VERB};
 * without Telltale's runtime on the class path nothing is recorded and the session still counts. The
 * command belongs to the thread's current {@link TelltaleSession} when it starts, or to the session
 * given. One thread at a time; closing twice records once.
 */
public final class CommandTimer implements AutoCloseable {

    private final String verb;
    private final UUID sessionId;
    private final TelltaleSession counted;
    private final long startNanos;
    private Throwable failure;
    private boolean closed;

    private CommandTimer(String verb, UUID sessionId, TelltaleSession counted) {
        this.verb = verb == null || verb.isBlank() ? Capture.UNKNOWN_VERB : verb;
        this.sessionId = sessionId;
        this.counted = counted;
        this.startNanos = System.nanoTime();
    }

    /** A command starting now, in the thread's current session (or none). */
    public static CommandTimer start(String verb) {
        return start(verb, TelltaleSession.current());
    }

    /** A command starting now, in {@code session} ({@code null}: none), which counts it. */
    public static CommandTimer start(String verb, TelltaleSession session) {
        return new CommandTimer(verb, session == null ? null : session.id(), session);
    }

    /**
     * A command starting now, in the session with this id ({@code null}: none); counted there only if
     * that is the thread's current session.
     */
    public static CommandTimer start(String verb, UUID sessionId) {
        TelltaleSession current = TelltaleSession.current();
        return new CommandTimer(
                verb,
                sessionId,
                current != null && sessionId != null && sessionId.equals(current.id()) ? current : null);
    }

    /**
     * Records the command as failed with {@code failure} when it is closed ({@code null}: as succeeded
     * after all). The failure's type and message become the event's error snapshot, as for a generated
     * override. Returns this timer.
     */
    public CommandTimer failed(Throwable failure) {
        this.failure = failure;
        return this;
    }

    /** Ends the command now and records it; the second and later calls do nothing. Never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Capture.record(verb, sessionId, counted, startNanos, failure);
    }
}
