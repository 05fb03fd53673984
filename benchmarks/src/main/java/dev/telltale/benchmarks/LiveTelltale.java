package dev.telltale.benchmarks;

import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.time.Duration;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Telltale as a user runs it, with its drain thread, recording to a store that only counts (so
 * what is measured is Telltale, not I/O). Installed as the global handle, which generated code uses.
 */
@State(Scope.Benchmark)
public class LiveTelltale {
    Events events;

    @Setup(Level.Trial)
    public void start() {
        events = Events.start(EventsConfig.builder()
                .store(new CountingStore())
                .shutdownHook(false)
                .dropReportInterval(Duration.ofHours(1))
                .build());
        Events.installGlobal(events);
    }

    @TearDown(Level.Trial)
    public void stop() {
        events.close();
    }
}
