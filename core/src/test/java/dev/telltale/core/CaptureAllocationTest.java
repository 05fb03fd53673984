package dev.telltale.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.Capture;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventRef;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import dev.telltale.core.testing.RecordingStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What generated code runs around a command that returns normally ({@link Capture#succeeded}), with
 * the global Telltale live and a session open: the calling thread allocates nothing, and every
 * command still reaches the store whole, counted in its session.
 */
class CaptureAllocationTest {

    @Test
    void recordingACommand_allocatesNothingOnTheCallingThread_andLosesNothing() {
        int warmUp = 200_000;
        int calls = 100_000;
        RecordingStore store = new RecordingStore();
        Events events = Events.start(EventsConfig.builder()
                .store(store)
                .shutdownHook(false)
                .stripes(1)
                .bufferSize(warmUp + calls)
                .flushInterval(Duration.ofMillis(20))
                .build());
        Events previous = Events.installGlobal(events);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().getId();
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            for (int i = 0; i < warmUp; i++) {
                Capture.succeeded("cbu.create", session, System.nanoTime());
                Capture.succeeded("cbu.list", session.id(), System.nanoTime());
            }
            await().until(() -> store.size() >= 2 * warmUp);
            long start = 0;

            long before = threads.getThreadAllocatedBytes(threadId);
            for (int i = 0; i < calls; i++) {
                start = System.nanoTime();
                Capture.succeeded("cbu.create", session, start);
            }
            long allocated = threads.getThreadAllocatedBytes(threadId) - before;

            assertThat((double) allocated / calls)
                    .as("bytes allocated per command (%d in all)", allocated)
                    .isLessThan(1.0);
            assertThat(session.commandCount()).isEqualTo(2L * warmUp + calls);
            assertThat(session.lastCommand())
                    .contains(new EventRef(session.id(), EventClock.epochNanos(start), "cbu.create"));
            await().until(() -> store.size() == 2 * warmUp + calls + 1);
            DslEvent last = store.events().get(store.size() - 1);
            assertThat(EventRef.to(last)).isEqualTo(session.lastCommand().orElseThrow());
            assertThat(last.sessionId()).isEqualTo(session.id());
        } finally {
            Events.installGlobal(previous != null ? previous : Events.disabled());
            events.close();
        }
        assertThat(events.stats().dropped()).isZero();
    }
}
