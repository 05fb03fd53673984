package dev.telltale.api.runtime;

import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;

/**
 * A program whose class path names an {@link EventRuntime} ({@link Broken}) that cannot be made: it
 * opens and closes a session and asks {@code Capture}, as generated code would, then prints {@code ok}.
 * Run in a child JVM by {@link BrokenRuntimeTest}.
 */
public final class BrokenRuntimeChild {

    /** The runtime a broken build left on the class path: its constructor throws an Error. */
    public static final class Broken implements EventRuntime {
        public Broken() {
            throw new LinkageError("org/jctools/queues/MpscArrayQueue is missing");
        }

        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public dev.telltale.api.EventSink sink() {
            return event -> { };
        }

        @Override
        public EventHealth health() {
            return null;
        }
    }

    private BrokenRuntimeChild() {
    }

    public static void main(String[] args) {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            EventHealth health = EventRuntime.current().health();
            System.out.println(Capture.isEnabled() ? "enabled" : "ok " + health.status() + " " + health.reasons());
        }
    }
}
