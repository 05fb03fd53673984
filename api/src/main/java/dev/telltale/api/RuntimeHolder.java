package dev.telltale.api;

import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Loads the {@link EventRuntime} once, on first use, and guards every call into it; or holds the one a
 * container installed ({@link EventRuntime#install}), which wins while it is installed.
 */
final class RuntimeHolder {

    static final EventRuntime RUNTIME = load();

    private RuntimeHolder() {}

    /**
     * The runtime: found on the class path (a final field: generated code's check costs what it
     * always did), or, when none was, a {@link Switchable} that a container can install one into.
     */
    static EventRuntime current() {
        return RUNTIME;
    }

    /** Installs {@code runtime} unless one was found on the class path, which wins; returns whether it did. */
    static boolean install(EventRuntime runtime) {
        java.util.Objects.requireNonNull(runtime, "runtime");
        return RUNTIME instanceof Switchable switchable && switchable.install(runtime);
    }

    static boolean uninstall(EventRuntime runtime) {
        return RUNTIME instanceof Switchable switchable && switchable.uninstall(runtime);
    }

    /**
     * Where no runtime was found: discards until a container installs one (an OSGi framework, where
     * {@link ServiceLoader} cannot see telltale-core's bundle), and again once it is uninstalled. The
     * only place a capture reads a volatile field, and only there.
     */
    static final class Switchable implements EventRuntime {
        private final EventRuntime none;
        private volatile EventRuntime delegate;
        private EventRuntime installed;

        Switchable(EventRuntime none) {
            this.none = none;
            this.delegate = none;
        }

        synchronized boolean install(EventRuntime runtime) {
            installed = runtime;
            delegate = new Guarded(runtime);
            return true;
        }

        synchronized boolean uninstall(EventRuntime runtime) {
            if (installed == null || installed != runtime) {
                return false;
            }
            installed = null;
            delegate = none;
            return true;
        }

        @Override
        public boolean isEnabled() {
            return delegate.isEnabled();
        }

        @Override
        public EventSink sink() {
            return delegate.sink();
        }

        @Override
        public EventHealth health() {
            return delegate.health();
        }
    }

    private static EventRuntime load() {
        try {
            Iterator<EventRuntime> found = ServiceLoader.load(EventRuntime.class, EventRuntime.class.getClassLoader())
                    .iterator();
            return found.hasNext()
                    ? new Guarded(found.next())
                    : new Switchable(none(EventRuntime.class.getClassLoader()));
        } catch (Throwable e) {
            // A broken runtime (a missing class, a failing constructor) must not break the executor:
            // say so once through the JDK's own logger (standard error unless configured; the api has
            // no dependency), without the stack trace, and record nothing.
            String reason = "cannot load the event runtime; recording nothing: " + Guarded.summary(rootOf(e));
            System.getLogger(EventRuntime.class.getName()).log(System.Logger.Level.WARNING, "telltale: " + reason);
            return new Switchable(new Discarding(EventHealth.Status.DEGRADED, reason));
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

    /**
     * The runtime when none is found: in an OSGi framework (the api's class loader is a bundle's) that
     * is no build's doing but a bundle that is not started; elsewhere the build left events out.
     */
    static Discarding none(ClassLoader apiLoader) {
        return isBundleLoader(apiLoader) ? Discarding.NOT_STARTED : Discarding.NONE;
    }

    /** Whether {@code loader} is an OSGi bundle's: it implements {@code org.osgi.framework.BundleReference}. */
    static boolean isBundleLoader(ClassLoader loader) {
        for (Class<?> type = loader == null ? null : loader.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.getName().equals("org.osgi.framework.BundleReference")) {
                    return true;
                }
            }
        }
        return false;
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
     * The runtime when there is none on the class path ({@link EventRuntime#COMPILED_OUT}, or in an OSGi
     * framework {@link EventRuntime#NOT_STARTED}; DISABLED), or when the one
     * there cannot be made (DEGRADED, with why): never enabled, discards everything.
     */
    record Discarding(EventHealth.Status status, String reason) implements EventRuntime {

        static final Discarding NONE = new Discarding(EventHealth.Status.DISABLED, EventRuntime.COMPILED_OUT);

        static final Discarding NOT_STARTED = new Discarding(EventHealth.Status.DISABLED, EventRuntime.NOT_STARTED);

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
