package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.SessionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Known events for the CLI tests. */
final class Events {

    static final long T0 = 1_795_000_000_000_000_000L; // 2026-11-18T...Z

    private Events() {}

    /** A session of {@code commands} commands: verbs alternate cbu.create / cbu.get / report.run; every 4th fails. */
    static List<DslEvent> session(UUID session, int commands, long startNanos) {
        List<DslEvent> events = new ArrayList<>();
        events.add(DslEvent.sessionStarted(startNanos, session, SessionSource.REPL));
        int failed = 0;
        for (int i = 0; i < commands; i++) {
            String verb = switch (i % 3) {
                case 0 -> "cbu.create";
                case 1 -> "cbu.get";
                default -> "report.run";
            };
            long at = startNanos + (i + 1) * 1_000_000L;
            long duration = (i + 1) * 1_000_000L;
            if (i % 4 == 3) {
                events.add(DslEvent.failed(at, session, verb, duration, new IllegalStateException("failure " + i)));
                failed++;
            } else {
                events.add(DslEvent.succeeded(at, session, verb, duration));
            }
        }
        events.add(DslEvent.sessionEnded(
                startNanos + (commands + 1) * 1_000_000L, session, commands, failed, (commands + 1) * 1_000_000L));
        return events;
    }
}
