package dev.telltale.api;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The calls Telltale's generated {@code *_Events} subclasses make around each command. Public for
 * them; user code records a command by hand with {@link CommandTimer}. Any thread may call any method; none throws or blocks.
 *
 * <p>A generated override reads the monotonic clock once before and once after the command and
 * derives the wall-clock timestamp from the first reading ({@link EventClock}), so a capture costs
 * two clock reads and one hand-over; a command that returns normally is handed over as its parts
 * ({@link EventSink#emitSucceeded}), so recording it allocates nothing.
 */
public final class Capture {

    /** The verb recorded when a verb argument or accessor gives {@code null} or blank text. */
    public static final String UNKNOWN_VERB = "unknown";

    private Capture() {}

    /** Whether to record at all; when not, a generated override calls {@code super} and nothing else. */
    public static boolean isEnabled() {
        try {
            return EventRuntime.current().isEnabled();
        } catch (Throwable runtimeFailed) {
            // Only a runtime class that cannot even be initialised gets here.
            return false;
        }
    }

    /**
     * The verb for a {@code CharSequence} argument: its text, or {@value #UNKNOWN_VERB} when it is
     * {@code null}, blank, or its {@code toString()} throws (anything, {@link Error}s included).
     */
    public static String verb(CharSequence text) {
        if (text == null) {
            return UNKNOWN_VERB;
        }
        String verb;
        try {
            verb = text.toString();
        } catch (Throwable toStringFailed) {
            return UNKNOWN_VERB;
        }
        return verb == null || verb.isBlank() ? UNKNOWN_VERB : verb;
    }

    /** The verb for an enum argument: its name, or {@value #UNKNOWN_VERB}. */
    public static String verb(Enum<?> constant) {
        return constant == null ? UNKNOWN_VERB : constant.name();
    }

    /** The session a command without a {@code @SessionId} parameter belongs to: the thread's current one. */
    public static TelltaleSession currentSession() {
        return TelltaleSession.current();
    }

    /** Records a command that returned normally, in {@code session} (the thread's current one, or {@code null}). */
    public static void succeeded(String verb, TelltaleSession session, long startNanos) {
        record(verb, idOf(session), session, startNanos, null);
    }

    /** Records a command that returned normally, in the session with the given id (or none). */
    public static void succeeded(String verb, UUID sessionId, long startNanos) {
        record(verb, sessionId, currentIfItIs(sessionId), startNanos, null);
    }

    /** Records a command that threw {@code failure}, in {@code session} (the thread's current one, or {@code null}). */
    public static void failed(String verb, TelltaleSession session, long startNanos, Throwable failure) {
        record(verb, idOf(session), session, startNanos, failure);
    }

    /** Records a command that threw {@code failure}, in the session with the given id (or none). */
    public static void failed(String verb, UUID sessionId, long startNanos, Throwable failure) {
        record(verb, sessionId, currentIfItIs(sessionId), startNanos, failure);
    }

    /**
     * Records the command when {@code stage} completes, and returns {@code stage} itself, so the
     * caller gets exactly what the command returned. A {@code null} stage is recorded as done now.
     */
    public static <S extends CompletionStage<?>> S completion(
            S stage, String verb, TelltaleSession session, long startNanos) {
        return completion(stage, verb, idOf(session), session, startNanos);
    }

    /** As {@link #completion(CompletionStage, String, TelltaleSession, long)}, for a session given by id. */
    public static <S extends CompletionStage<?>> S completion(S stage, String verb, UUID sessionId, long startNanos) {
        return completion(stage, verb, sessionId, currentIfItIs(sessionId), startNanos);
    }

    private static <S extends CompletionStage<?>> S completion(
            S stage, String verb, UUID sessionId, TelltaleSession counted, long startNanos) {
        if (stage == null) {
            record(verb, sessionId, counted, startNanos, null);
            return null;
        }
        try {
            stage.whenComplete((result, failure) ->
                    record(verb, sessionId, counted, startNanos, failure == null ? null : unwrap(failure)));
        } catch (Throwable whenCompleteFailed) {
            // A user's own CompletionStage that cannot take a callback: the command is not recorded,
            // and the caller still gets its stage.
        }
        return stage;
    }

    /**
     * One command, ended now: count it in its session, if counted there, and emit its event. Never
     * throws: this runs in the caller's thread, after the caller's command.
     */
    static void record(String verb, UUID sessionId, TelltaleSession counted, long startNanos, Throwable failure) {
        long durationNanos = System.nanoTime() - startNanos;
        try {
            long timestamp = EventClock.epochNanos(startNanos);
            if (counted != null) {
                counted.recordCommand(timestamp, verb, failure != null);
            }
            EventSink sink = EventRuntime.current().sink();
            if (failure == null) {
                sink.emitSucceeded(timestamp, sessionId, verb, durationNanos);
            } else {
                sink.emit(DslEvent.failed(timestamp, sessionId, verb, durationNanos, failure));
            }
        } catch (Throwable recordingFailed) {
            // Not recorded; the command's own outcome goes back to the caller untouched.
        }
    }

    private static Throwable unwrap(Throwable failure) {
        // Dependent stages wrap the original failure in a CompletionException.
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            return failure.getCause();
        }
        return failure;
    }

    private static UUID idOf(TelltaleSession session) {
        return session == null ? null : session.id();
    }

    /** The thread's current session if it has this id, so that its counts include the command. */
    private static TelltaleSession currentIfItIs(UUID sessionId) {
        TelltaleSession current = sessionId == null ? null : TelltaleSession.current();
        return current != null && sessionId.equals(current.id()) ? current : null;
    }
}
