package dev.telltale.api.runtime;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventSink;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

/** Loads the {@link EventRuntime} once, on first use, and guards every call into it. */
final class RuntimeHolder {

    static final EventRuntime RUNTIME = load();

    private RuntimeHolder() {
    }

    private static EventRuntime load() {
        try {
            Iterator<EventRuntime> found =
                    ServiceLoader.load(EventRuntime.class, EventRuntime.class.getClassLoader()).iterator();
            return found.hasNext() ? new Guarded(found.next()) : Discarding.INSTANCE;
        } catch (Throwable e) {
            // A broken runtime (a missing class, a failing constructor) must not break the executor:
            // say so once, on standard error (the api has no logger), and record nothing.
            System.err.println("telltale: cannot load the event runtime; recording nothing: " + Guarded.summary(e));
            return Discarding.INSTANCE;
        }
    }

    /**
     * The loaded runtime behind a wall: whatever it throws (an {@link Error} included) stays here, so a
     * runtime that fails can cost an executor its events but never its command.
     */
    static final class Guarded implements EventRuntime, EventSink {

        private final EventRuntime runtime;

        Guarded(EventRuntime runtime) {
            this.runtime = runtime;
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
                runtime.sink().emit(event);
            } catch (Throwable failure) {
                // Dropped: the runtime counts what it can; a runtime that throws cannot.
            }
        }

        @Override
        public EventHealth health() {
            try {
                return runtime.health();
            } catch (Throwable failure) {
                return new EventHealth(EventHealth.Status.DEGRADED,
                        List.of("the event runtime failed: " + summary(failure)), EventStats.NONE, "unknown", null);
            }
        }

        static String summary(Throwable failure) {
            String message;
            try {
                message = failure.getMessage();
            } catch (Throwable thrown) {
                message = null;
            }
            return message == null ? failure.getClass().getName() : failure.getClass().getName() + ": " + message;
        }
    }

    /** The runtime when there is none: never enabled, discards everything. */
    enum Discarding implements EventRuntime {
        INSTANCE;

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
            return new EventHealth(EventHealth.Status.DISABLED, List.of(COMPILED_OUT), EventStats.NONE, "none", null);
        }
    }
}
