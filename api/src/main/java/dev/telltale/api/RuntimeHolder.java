package dev.telltale.api;

import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

/** Loads the {@link EventRuntime} once, on first use, and guards every call into it. */
final class RuntimeHolder {

    static final EventRuntime RUNTIME = load();

    private RuntimeHolder() {}

    private static EventRuntime load() {
        try {
            Iterator<EventRuntime> found = ServiceLoader.load(EventRuntime.class, EventRuntime.class.getClassLoader())
                    .iterator();
            return found.hasNext() ? new Guarded(found.next()) : Discarding.NONE;
        } catch (Throwable e) {
            // A broken runtime (a missing class, a failing constructor) must not break the executor:
            // say so once through the JDK's own logger (standard error unless configured; the api has
            // no dependency), without the stack trace, and record nothing.
            String reason = "cannot load the event runtime; recording nothing: " + Guarded.summary(rootOf(e));
            System.getLogger(EventRuntime.class.getName()).log(System.Logger.Level.WARNING, "telltale: " + reason);
            return new Discarding(EventHealth.Status.DEGRADED, reason);
        }
    }

    /**
     * The loaded runtime behind a wall: whatever it throws (an {@link Error} included) stays here, so a
     * runtime that fails can cost an executor its events but never its command.
     */
    static final class Guarded implements EventRuntime, EventSink {

        private final EventRuntime runtime;
        /** The runtime's sink, asked for once: each emit is then one guarded call. */
        private final EventSink sink;

        Guarded(EventRuntime runtime) {
            this.runtime = runtime;
            EventSink found;
            try {
                found = runtime.sink();
            } catch (Throwable failure) {
                found = EventSink.DISCARDING;
            }
            this.sink = found == null ? EventSink.DISCARDING : found;
        }

        @Override
        public boolean isEnabled() {
            try {
                return runtime.isEnabled();
            } catch (Throwable failure) {
                return false;
            }
        }

        @Override
        public EventSink sink() {
            return this;
        }

        @Override
        public void emit(DslEvent event) {
            try {
                sink.emit(event);
            } catch (Throwable failure) {
                // Dropped: the runtime counts what it can; a runtime that throws cannot.
            }
        }

        @Override
        public void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
            try {
                sink.emitSucceeded(epochNanos, sessionId, verb, durationNanos);
            } catch (Throwable failure) {
                // As emit.
            }
        }

        @Override
        public EventHealth health() {
            try {
                return runtime.health();
            } catch (Throwable failure) {
                return new EventHealth(
                        EventHealth.Status.DEGRADED,
                        List.of("the event runtime failed: " + summary(failure)),
                        EventStats.NONE,
                        "unknown",
                        null);
            }
        }

        static String summary(Throwable failure) {
            String message;
            try {
                message = failure.getMessage();
            } catch (Throwable thrown) {
                message = null;
            }
            return message == null
                    ? failure.getClass().getName()
                    : failure.getClass().getName() + ": " + message;
        }
    }

    /** What a {@link java.util.ServiceConfigurationError} wraps says what went wrong; the wrapper does not. */
    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 8; depth++) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * The runtime when there is none on the class path ({@link #COMPILED_OUT}, DISABLED), or when the one
     * there cannot be made (DEGRADED, with why): never enabled, discards everything.
     */
    record Discarding(EventHealth.Status status, String reason) implements EventRuntime {

        static final Discarding NONE = new Discarding(EventHealth.Status.DISABLED, EventRuntime.COMPILED_OUT);

        @Override
        public boolean isEnabled() {
            return false;
        }

        @Override
        public EventSink sink() {
            return EventSink.DISCARDING;
        }

        @Override
        public EventHealth health() {
            return new EventHealth(status, List.of(reason), EventStats.NONE, "none", null);
        }
    }
}
