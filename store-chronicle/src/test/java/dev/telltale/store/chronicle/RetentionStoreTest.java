package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a real queue: old cycle files go, but never one a named reader still needs. */
class RetentionStoreTest {

    @TempDir
    Path dir;

    private final AtomicLong clockMillis =
            new AtomicLong(Instant.parse("2026-11-27T04:00:00Z").toEpochMilli());

    @Test
    void flush_afterTheCycleChanges_keepsOnlyTheNewestRetainCycles() throws IOException {
        try (ChronicleEventStore store = builder().retainCycles(2).open()) {
            List<DslEvent> written = writeOnePerCycle(store, 5);

            assertThat(CycleFileNames.in(dir)).hasSize(2);
            assertThat(TestEvents.readAll(dir)).containsExactlyElementsOf(written.subList(3, 5));
        }
    }

    @Test
    void flush_withRetainAge_deletesCyclesThatEndedLongerAgo() throws IOException {
        try (ChronicleEventStore store = builder().retainAge(Duration.ofDays(1)).open()) {
            store.append(List.of(EventLogTest.at(0, "old")));
            store.flush();
            clockMillis.addAndGet(Duration.ofHours(20).toMillis());
            store.append(List.of(EventLogTest.at(1, "recent")));
            store.flush();
            clockMillis.addAndGet(Duration.ofHours(5).toMillis());
            store.append(List.of(EventLogTest.at(2, "now")));
            store.flush();

            assertThat(TestEvents.readAll(dir))
                    .containsExactly(EventLogTest.at(1, "recent"), EventLogTest.at(2, "now"));
        }
    }

    @Test
    void retention_neverDeletesACycleANamedReaderHasNotPassed() throws IOException {
        try (ChronicleEventStore store = builder().retainCycles(1).open()) {
            List<DslEvent> written = writeOnePerCycle(store, 2);
            // The reader reads the first cycle's event, commits, and stops: it has not passed cycle 2.
            try (EventLog log = EventLog.open(dir);
                    EventCursor cursor = log.namedCursor("slow", new Position.Start())) {
                cursor.next();
                cursor.next();
                cursor.commit();
            }
            written.addAll(writeOnePerCycle(store, 3));

            assertThat(store.applyRetentionNow()).isEmpty();
            assertThat(CycleFileNames.in(dir)).hasSize(4);
            try (EventLog log = EventLog.open(dir);
                    EventCursor cursor = log.namedCursor("slow", new Position.Start())) {
                assertThat(TestEvents.drain(cursor))
                        .extracting(RecordedEvent::event)
                        .containsExactlyElementsOf(written.subList(2, 5));
                cursor.commit();
            }

            assertThat(store.applyRetentionNow()).hasSize(3);
            assertThat(CycleFileNames.in(dir)).hasSize(1);
        }
    }

    @Test
    void retention_withAReaderAtTheStart_deletesNothingThatReaderNeeds() throws IOException {
        try (ChronicleEventStore store = builder().retainCycles(1).open()) {
            writeOnePerCycle(store, 1);
            try (EventLog log = EventLog.open(dir);
                    EventCursor cursor = log.namedCursor("idle", new Position.Start())) {
                cursor.commit();
            }
            writeOnePerCycle(store, 3);

            assertThat(CycleFileNames.in(dir)).hasSize(4);
        }
    }

    @Test
    void eventLogOpenedBeforeRetention_startsAtTheOldestFileLeft() throws IOException {
        try (ChronicleEventStore store = builder().retainCycles(2).open()) {
            List<DslEvent> written = writeOnePerCycle(store, 2);
            try (EventLog log = EventLog.open(dir)) {
                assertThat(TestEvents.drain(log.cursor(new Position.Start()))).hasSize(2);
                written.addAll(writeOnePerCycle(store, 2));

                assertThat(CycleFileNames.in(dir)).hasSize(2);
                try (EventCursor cursor = log.cursor(new Position.Start())) {
                    assertThat(TestEvents.drain(cursor))
                            .extracting(RecordedEvent::event)
                            .containsExactlyElementsOf(written.subList(2, 4));
                }
                try (EventCursor cursor = log.cursor(new Position.AtIndex(0))) {
                    assertThat(TestEvents.drain(cursor)).hasSize(2);
                }
            }
        }
    }

    /** One event in each of {@code cycles} new cycles, flushing after each, as the drain would. */
    private List<DslEvent> writeOnePerCycle(ChronicleEventStore store, int cycles) throws IOException {
        List<DslEvent> written = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            clockMillis.addAndGet(1_000);
            DslEvent event = EventLogTest.at((int) (clockMillis.get() / 1000 % 100_000), "cycle");
            store.append(List.of(event));
            store.flush();
            written.add(event);
        }
        return written;
    }

    private ChronicleEventStore.Builder builder() {
        return ChronicleEventStore.builder(dir).rollCycle("TEST_SECONDLY").clock(clockMillis::get);
    }
}
