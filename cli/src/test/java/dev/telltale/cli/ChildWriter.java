package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * A child process that records like an application: Telltale configured only by -D flags, COUNT
 * events, one every PAUSE_MILLIS, then close. Arguments: COUNT PAUSE_MILLIS.
 */
public final class ChildWriter {

    private ChildWriter() {}

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        long pauseNanos = Long.parseLong(args[1]) * 1_000_000L;
        UUID session = UUID.randomUUID();
        try (Events events = Events.start(EventsConfig.fromSystem())) {
            for (int i = 0; i < count; i++) {
                events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), session, "child.step" + i, i));
                LockSupport.parkNanos(pauseNanos);
            }
        }
    }
}
