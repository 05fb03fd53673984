package dev.telltale.api;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.StampedLock;

/**
 * A session: a run of commands from one source (a REPL, an agent's tool runner, an API client).
 * Opening one emits {@code SessionStarted} and makes it the calling thread's current session, so
 * every {@link Command} call on that thread carries its id; closing it emits {@code SessionEnded}
 * with the number of commands, of failures, and the session's duration, and restores the session
 * that was current before.
 *
 * <pre>{@code
 * try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
 *     executor.execute(line);   // recorded with session.id()
 * }
 * }</pre>
 *
 * <p>Works the same in every build: without Telltale's runtime on the class path the events go
 * nowhere, but ids and counts still work. Open and close a session on the same thread; the counters
 * may be updated from any thread (an asynchronous command completes elsewhere).
 */
public final class TelltaleSession implements AutoCloseable {

    private static final ThreadLocal<TelltaleSession> CURRENT = new ThreadLocal<>();

    private final UUID id;
    private final SessionSource source;
    private final long startNanos;
    private final TelltaleSession previous;
    private final LongAdder commands = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * The last command recorded in this session, as its verb ({@code null} before the first) and
     * start; written under {@link #lastCommandLock}'s write lock, taken only if free (of two commands
     * ending at once in one session, either may be "last"), and read optimistically.
     */
    private final StampedLock lastCommandLock = new StampedLock();

    private String lastVerb;
    private long lastEpochNanos;

    private TelltaleSession(UUID id, SessionSource source) {
        this.id = id;
        this.source = source;
        this.startNanos = System.nanoTime();
        this.previous = CURRENT.get();
    }

    /** Opens a session with a random id and makes it the calling thread's current one. */
    public static TelltaleSession open(SessionSource source) {
        return open(source, UUID.randomUUID());
    }

    /** Opens a session with the given id and makes it the calling thread's current one. */
    public static TelltaleSession open(SessionSource source, UUID id) {
        if (source == null) {
            throw new NullPointerException("source must not be null");
        }
        if (id == null) {
            throw new NullPointerException("id must not be null");
        }
        TelltaleSession session = new TelltaleSession(id, source);
        CURRENT.set(session);
        emitQuietly(DslEvent.sessionStarted(EventClock.epochNanos(session.startNanos), id, source));
        return session;
    }

    /** The calling thread's current session, or {@code null}. */
    public static TelltaleSession current() {
        return CURRENT.get();
    }

    public UUID id() {
        return id;
    }

    public SessionSource source() {
        return source;
    }

    /** Commands recorded in this session so far. */
    public long commandCount() {
        return commands.sum();
    }

    /** Of those, how many failed. */
    public long errorCount() {
        return errors.sum();
    }

    /** Counts one command, when a command of this session ends. */
    void recordCommand(boolean failed) {
        commands.increment();
        if (failed) {
            errors.increment();
        }
    }

    /**
     * Counts one command and remembers it for {@link #lastCommand()}, given by its start and verb, when
     * a command of this session ends, just before its event is handed over ({@link Capture}: generated
     * code and {@link CommandTimer}, the ways a command is recorded). Allocates nothing.
     */
    void recordCommand(long epochNanos, String verb, boolean failed) {
        recordCommand(failed);
        long stamp = lastCommandLock.tryWriteLock();
        if (stamp != 0) {
            lastVerb = verb;
            lastEpochNanos = epochNanos;
            lastCommandLock.unlockWrite(stamp);
        }
    }

    /**
     * A reference to the event of the last command recorded in this session, for a
     * {@link SessionLogger} entry: right after an instrumented command returns or throws, on the
     * thread that ran it, this is that command's event. Empty before the first command, and always in
     * a build without events (no command is recorded there), so the same code runs in both builds.
     */
    public Optional<EventRef> lastCommand() {
        String verb;
        long epochNanos;
        long stamp = lastCommandLock.tryOptimisticRead();
        verb = lastVerb;
        epochNanos = lastEpochNanos;
        if (!lastCommandLock.validate(stamp)) {
            stamp = lastCommandLock.readLock();
            try {
                verb = lastVerb;
                epochNanos = lastEpochNanos;
            } finally {
                lastCommandLock.unlockRead(stamp);
            }
        }
        // A verb that is no verb (only a caller of recordCommand other than generated code can give one)
        // refers to nothing rather than making lastCommand() throw.
        return verb == null || verb.isBlank() ? Optional.empty() : Optional.of(new EventRef(id, epochNanos, verb));
    }

    /**
     * Emits {@code SessionEnded} and, on the thread that opened it, makes the previous session
     * current again. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (CURRENT.get() == this) {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
        long commandCount = commands.sum();
        long errorCount = Math.min(errors.sum(), commandCount);
        emitQuietly(DslEvent.sessionEnded(
                EventClock.nowEpochNanos(), id, commandCount, errorCount, Math.max(0, System.nanoTime() - startNanos)));
    }

    /** Sessions open and close in user code: recording them must never throw there. */
    private static void emitQuietly(DslEvent event) {
        try {
            EventRuntime.current().sink().emit(event);
        } catch (Throwable runtimeFailed) {
            // Only a runtime class that cannot even be initialised gets here; the session still works.
        }
    }

    @Override
    public String toString() {
        return "TelltaleSession{" + id + ", " + source + "}";
    }
}
