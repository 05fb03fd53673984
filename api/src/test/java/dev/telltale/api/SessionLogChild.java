package dev.telltale.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A program run with a {@link Recording} runtime: in one session it logs entries around two commands
 * recorded through {@code Capture}, as generated code records them, and prints one fact per line,
 * {@code name=value}, for {@link SessionLogRecordedTest} to judge. With the argument {@code throwing}
 * the runtime's sink throws an {@link Error} after taking each event.
 */
public final class SessionLogChild {

    static final UUID SESSION = UUID.fromString("0b7e8a52-3c1d-4f5e-9a6b-7c8d9e0f1a2b");

    private static final List<DslEvent> EMITTED = new CopyOnWriteArrayList<>();
    private static volatile boolean throwing;

    /** Takes every event into {@link #EMITTED}; then throws, when told to. */
    public static final class Recording implements EventRuntime {
        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public EventSink sink() {
            return event -> {
                EMITTED.add(event);
                if (throwing) {
                    throw new OutOfMemoryError("the sink broke");
                }
            };
        }

        @Override
        public EventHealth health() {
            return null;
        }
    }

    private SessionLogChild() {}

    public static void main(String[] args) {
        throwing = args.length > 0 && args[0].equals("throwing");
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL, SESSION)) {
            SessionLogger log = SessionLogger.of(session);
            say("lastBefore", session.lastCommand());
            long first = log.logUserInput("create a cbu");
            long second = log.logAgentThought(null);
            Capture.succeeded("cbu.create", session, System.nanoTime());
            say("lastAfterSucceeded", session.lastCommand().orElseThrow());
            say("refOfSucceeded", EventRef.to(lastCommandEmitted()));
            long third = log.logDslCommand(
                    "(cbu.create :name \"x\")", session.lastCommand().orElse(null));
            long fourth = log.logResponse("created");
            long fifth = log.logUserInput("get it");
            Capture.failed("cbu.get", session, System.nanoTime(), new IllegalStateException("no such cbu"));
            say("lastAfterFailed", session.lastCommand().orElseThrow());
            say("refOfFailed", EventRef.to(lastCommandEmitted()));
            long sixth = log.logError("no such cbu", session.lastCommand().orElse(null));
            say("numbers", List.of(first, second, third, fourth, fifth, sixth));
            say("counts", log.loggedByType() + " " + log.logged() + " " + log.logged(EntryType.USER_INPUT));
        }
        for (DslEvent event : EMITTED) {
            if (event.payload() instanceof EventPayload.SessionEntry entry) {
                say("entry", (SESSION.equals(event.sessionId()) ? "in the session " : "ELSEWHERE ") + entry);
            }
        }
    }

    private static DslEvent lastCommandEmitted() {
        for (int i = EMITTED.size() - 1; i >= 0; i--) {
            DslEvent event = EMITTED.get(i);
            if (event.type() == EventType.COMMAND_SUCCEEDED || event.type() == EventType.COMMAND_FAILED) {
                return event;
            }
        }
        throw new IllegalStateException("no command was emitted");
    }

    private static void say(String name, Object value) {
        System.out.println(name + "=" + value);
    }
}
