package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cursor that has reached the end sees what writers append later, across cycle rolls. */
class FollowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** The writer's clock: it picks each event's cycle. */
    private final AtomicLong clockMillis =
            new AtomicLong(Instant.parse("2026-11-27T04:00:00Z").toEpochMilli());

    private final ExecutorService drainThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopDrainThread() {
        drainThread.shutdownNow();
    }

    @Test
    void next_afterTheWriterRollsToANewCycle_seesTheEventsInTheNewCycle() throws Exception {
        try (ChronicleEventStore store = openStore();
                EventLog log = openLogAfter(store, EventLogTest.at(0, "first.cycle"));
                EventCursor cursor = log.cursor(new Position.Start())) {
            assertThat(cursor.next().event()).isEqualTo(EventLogTest.at(0, "first.cycle"));
            assertThat(cursor.next()).isNull();

            clockMillis.addAndGet(1_000);
            append(store, EventLogTest.at(1, "second.cycle"));
            clockMillis.addAndGet(5_000);
            append(store, EventLogTest.at(6, "after.a.gap"));

            List<DslEvent> seen = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(TestEvents.drain(cursor).stream()
                        .map(RecordedEvent::event)
                        .toList());
                return seen.size() >= 2;
            });
            assertThat(seen).containsExactly(EventLogTest.at(1, "second.cycle"), EventLogTest.at(6, "after.a.gap"));
        }
        assertThat(CycleFileNames.in(dir)).hasSize(3);
    }

    @Test
    void next_whileAWriterAppendsOnAnotherThread_seesEveryEventOnceInOrder() throws Exception {
        int batches = 50;
        int batchSize = 40;
        try (ChronicleEventStore store = openStore();
                EventLog log = openLogAfter(store, EventLogTest.at(0, "opening"));
                EventCursor cursor = log.cursor(new Position.End())) {
            Future<?> writer = drainThread.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    List<DslEvent> batch = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        batch.add(EventLogTest.at(b * batchSize + i, "verb"));
                    }
                    if (b % 10 == 9) {
                        clockMillis.addAndGet(1_000);
                    }
                    store.append(batch);
                }
                return null;
            });

            List<RecordedEvent> seen = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                seen.addAll(TestEvents.drain(cursor));
                return seen.size() >= batches * batchSize;
            });
            writer.get();
            assertThat(cursor.next()).isNull();
            assertThat(seen).extracting(RecordedEvent::event).containsExactlyElementsOf(expected(batches * batchSize));
            assertThat(seen).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        }
    }

    private static List<DslEvent> expected(int count) {
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(EventLogTest.at(i, "verb"));
        }
        return events;
    }

    private ChronicleEventStore openStore() throws IOException {
        return ChronicleEventStore.builder(dir)
                .rollCycle("TEST_SECONDLY")
                .clock(clockMillis::get)
                .open();
    }

    /** A reader needs a cycle file to open: the store appends a first event on the drain thread. */
    private EventLog openLogAfter(ChronicleEventStore store, DslEvent first) throws Exception {
        append(store, first);
        return EventLog.open(dir);
    }

    private void append(ChronicleEventStore store, DslEvent event) throws Exception {
        drainThread
                .submit(() -> {
                    store.append(List.of(event));
                    return null;
                })
                .get();
    }
}
