package dev.telltale.api;

/**
 * A program whose class path names an {@link EventRuntime} ({@link Broken}) that cannot be made: it
 * opens and closes a session, logs two session entries and asks {@code Capture}, as generated code would,
 * then prints {@code ok} and the entries' numbers.
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
            return event -> {};
        }

        @Override
        public EventHealth health() {
            return null;
        }
    }

    private BrokenRuntimeChild() {}

    public static void main(String[] args) {
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            EventHealth health = EventRuntime.current().health();
            SessionLogger log = SessionLogger.of(session);
            long first = log.logUserInput("hello");
            long second =
                    log.logDslCommand("(cbu.create)", session.lastCommand().orElse(null));
            System.out.println((Capture.isEnabled() ? "enabled" : "ok " + health.status() + " " + health.reasons())
                    + " entries " + first + " " + second);
        }
    }
}
