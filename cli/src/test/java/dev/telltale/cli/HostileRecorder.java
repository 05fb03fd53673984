package dev.telltale.cli;

import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventStats;
import dev.telltale.api.HasHttpStatus;
import dev.telltale.api.HasSourceId;
import dev.telltale.api.SessionSource;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.time.Duration;
import java.util.UUID;

/**
 * A child process that records hostile content and more events than its queue holds: a session whose
 * verbs, messages, source ids and conversation try to run script in a page or drive a terminal, then a
 * burst that a small queue must drop from, then close. Configured by -D flags (the store, a small
 * {@code telltale.buffer-size}). Prints {@code SESSION <id>} and its final counters.
 * Arguments: BURST (events in the burst).
 */
public final class HostileRecorder {

    /** What a page must show as text and never run. */
    static final String SCRIPT = "<script>window.__pwned=1</script>";

    static final String CLOSE_SCRIPT = "</script><script>window.__pwned=2</script>";
    static final String IMG = "<img src=x onerror=\"window.__pwned=3\">";
    static final String CONTROLS = "bell\u0007 esc\u001b[31m red \"quoted\" 'single' lone\ud800";

    static final class Hostile extends RuntimeException implements HasSourceId, HasHttpStatus {
        Hostile(String message) {
            super(message);
        }

        @Override
        public String sourceId() {
            return IMG;
        }

        @Override
        public int httpStatus() {
            return 418;
        }
    }

    private HostileRecorder() {}

    public static void main(String[] args) {
        int burst = Integer.parseInt(args[0]);
        UUID session = UUID.randomUUID();
        long start = EventClock.nowEpochNanos();
        EventStats stats;
        try (Events events = Events.start(EventsConfig.fromSystem())) {
            events.emit(DslEvent.sessionStarted(start, session, SessionSource.REPL));
            String[] verbs = {"cbu.create", SCRIPT, CLOSE_SCRIPT, IMG, CONTROLS};
            long entryNo = 1;
            for (int i = 0; i < 50; i++) {
                String verb = verbs[i % verbs.length];
                long at = EventClock.nowEpochNanos();
                events.emit(DslEvent.sessionEntry(
                        at,
                        session,
                        new EventPayload.SessionEntry(
                                EntryType.USER_INPUT, entryNo++, "REPL", SCRIPT + CLOSE_SCRIPT + CONTROLS, null)));
                if (i % 3 == 0) {
                    events.emit(DslEvent.failed(at, session, verb, 1_000L * i, new Hostile(CLOSE_SCRIPT + IMG)));
                } else {
                    events.emit(DslEvent.succeeded(at, session, verb, 1_000L * i));
                }
            }
            // More than the queue holds, as fast as one thread emits: the queue drops, the recorder says so.
            for (int i = 0; i < burst; i++) {
                events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), session, "burst", i));
            }
            // The queue is full now: let the drain empty it, so that the session's end is not dropped too.
            await().atMost(Duration.ofSeconds(30)).until(() -> events.stats().pending() == 0);
            events.emit(DslEvent.sessionEnded(
                    EventClock.nowEpochNanos(), session, 50 + burst, 17, EventClock.nowEpochNanos() - start));
            events.close();
            stats = events.stats();
        }
        System.out.println("SESSION " + session);
        System.out.println("EMITTED " + stats.emitted() + " PERSISTED " + stats.persisted() + " DROPPED "
                + stats.dropped() + " LOST " + stats.lost());
    }
}
