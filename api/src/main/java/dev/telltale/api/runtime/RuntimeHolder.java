package dev.telltale.api.runtime;

import dev.telltale.api.EventSink;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Loads the {@link EventRuntime} once, on first use. */
final class RuntimeHolder {

    static final EventRuntime RUNTIME = load();

    private RuntimeHolder() {
    }

    private static EventRuntime load() {
        try {
            Iterator<EventRuntime> found =
                    ServiceLoader.load(EventRuntime.class, EventRuntime.class.getClassLoader()).iterator();
            return found.hasNext() ? found.next() : Discarding.INSTANCE;
        } catch (ServiceConfigurationError | RuntimeException e) {
            // A broken runtime must not break the executor: say so once, record nothing.
            System.getLogger(EventRuntime.class.getName()).log(System.Logger.Level.ERROR,
                    "Telltale: cannot load the event runtime; recording nothing", e);
            return Discarding.INSTANCE;
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
            return new EventHealth(EventHealth.Status.DISABLED, java.util.List.of(COMPILED_OUT), EventStats.NONE, "none", null);
        }
    }
}
