package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.store.contract.ContractEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void open_missingDirectory_isNotATelltaleEventDirectory() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> EventLog.open(missing))
                .isInstanceOf(EventSourceException.class)
                .hasMessage(missing + ": not a Telltale event directory (no Chronicle queue files)");
    }

    @Test
    void open_directoryWithoutCycleFiles_isNotATelltaleEventDirectory() throws IOException {
        Files.writeString(dir.resolve("events.jsonl"), "{}\n");

        assertThatThrownBy(() -> EventLog.open(dir))
                .isInstanceOf(EventSourceException.class)
                .hasMessage(dir + ": not a Telltale event directory (no Chronicle queue files)");
    }

    @Test
    void cursor_fromStart_readsEveryEventInOrderWithIncreasingIndexes() throws IOException {
        List<DslEvent> events = ContractEvents.everyKind();
        write(events);

        List<RecordedEvent> read = TestEvents.recordedFrom(dir, new Position.Start());

        assertThat(read).extracting(RecordedEvent::event).containsExactlyElementsOf(events);
        assertThat(read).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void cursor_fromEnd_readsOnlyEventsAppendedAfterIt() throws IOException {
        write(List.of(at(0, "old.one"), at(1, "old.two")));
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.End())) {
            assertThat(cursor.next()).isNull();

            write(List.of(at(2, "new.one")));

            assertThat(TestEvents.drain(cursor))
                    .extracting(RecordedEvent::event)
                    .containsExactly(at(2, "new.one"));
        }
    }

    @Test
    void cursor_atIndexOfAnEvent_startsWithThatEvent() throws IOException {
        write(List.of(at(0, "a"), at(1, "b"), at(2, "c")));
        long indexOfB =
                TestEvents.recordedFrom(dir, new Position.Start()).get(1).position();

        assertThat(TestEvents.recordedFrom(dir, new Position.AtIndex(indexOfB)))
                .extracting(RecordedEvent::event)
                .containsExactly(at(1, "b"), at(2, "c"));
    }

    @Test
    void cursor_atIndexBeforeTheQueue_startsAtTheStart() throws IOException {
        write(List.of(at(0, "a"), at(1, "b")));

        assertThat(TestEvents.recordedFrom(dir, new Position.AtIndex(0)))
                .extracting(RecordedEvent::event)
                .containsExactly(at(0, "a"), at(1, "b"));
    }

    @Test
    void cursor_atIndexPastTheEnd_startsAtTheEnd() throws IOException {
        write(List.of(at(0, "a")));
        long last = TestEvents.recordedFrom(dir, new Position.Start()).get(0).position();

        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.AtIndex(last + 1))) {
            assertThat(cursor.next()).isNull();
            write(List.of(at(1, "b")));

            assertThat(TestEvents.drain(cursor))
                    .extracting(RecordedEvent::event)
                    .containsExactly(at(1, "b"));
        }
    }

    @Test
    void cursor_atTime_startsAtTheFirstEventAtOrAfterIt() throws IOException {
        write(List.of(at(0, "a"), at(10, "b"), at(20, "c"), at(30, "d")));

        assertThat(TestEvents.recordedFrom(dir, new Position.AtTime(T0.plusSeconds(10))))
                .extracting(RecordedEvent::event)
                .containsExactly(at(10, "b"), at(20, "c"), at(30, "d"));
        assertThat(TestEvents.recordedFrom(dir, new Position.AtTime(T0.plusSeconds(11))))
                .extracting(RecordedEvent::event)
                .containsExactly(at(20, "c"), at(30, "d"));
        assertThat(TestEvents.recordedFrom(dir, new Position.AtTime(T0.minusSeconds(3600))))
                .hasSize(4);
        assertThat(TestEvents.recordedFrom(dir, new Position.AtTime(T0.plusSeconds(31))))
                .isEmpty();
    }

    @Test
    void cursor_atTime_whenATimestampIsOutOfOrder_keepsEverythingAfterTheFirstMatch() throws IOException {
        write(List.of(at(0, "a"), at(20, "b"), at(10, "late"), at(30, "c")));

        assertThat(TestEvents.recordedFrom(dir, new Position.AtTime(T0.plusSeconds(15))))
                .extracting(RecordedEvent::event)
                .containsExactly(at(20, "b"), at(10, "late"), at(30, "c"));
    }

    @Test
    void cursor_atTimeLaterThanEveryEvent_returnsOnlyLaterEventsAsTheyCome() throws IOException {
        write(List.of(at(0, "a")));
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.AtTime(T0.plusSeconds(60)))) {
            assertThat(cursor.next()).isNull();
            write(List.of(at(30, "still.too.early"), at(60, "on.time"), at(40, "after.the.first")));

            assertThat(TestEvents.drain(cursor))
                    .extracting(RecordedEvent::event)
                    .containsExactly(at(60, "on.time"), at(40, "after.the.first"));
        }
    }

    @Test
    void index_resumedAsAtIndex_continuesWithNoGapAndNoDuplicate() throws IOException {
        List<DslEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(at(i, "verb." + i));
        }
        write(events);
        List<DslEvent> read = new ArrayList<>();
        long resumeAt;
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (int i = 0; i < 4; i++) {
                read.add(cursor.next().event());
            }
            resumeAt = cursor.resumePosition();
        }

        read.addAll(TestEvents.recordedFrom(dir, new Position.AtIndex(resumeAt)).stream()
                .map(RecordedEvent::event)
                .toList());

        assertThat(read).containsExactlyElementsOf(events);
    }

    @Test
    void index_beforeAnyEventIsRead_isWhereTheCursorStarts() throws IOException {
        write(List.of(at(0, "a"), at(1, "b")));
        List<RecordedEvent> all = TestEvents.recordedFrom(dir, new Position.Start());

        try (EventLog log = EventLog.open(dir)) {
            try (EventCursor cursor = log.cursor(new Position.Start())) {
                assertThat(cursor.resumePosition()).isEqualTo(all.get(0).position());
            }
            try (EventCursor cursor = log.cursor(new Position.End())) {
                assertThat(cursor.resumePosition()).isEqualTo(all.get(1).position() + 1);
            }
        }
    }

    @Test
    void commit_onAnAnonymousCursor_persistsNothing() throws IOException {
        write(List.of(at(0, "a")));
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.Start())) {
            cursor.next();
            cursor.commit();
        }

        assertThat(dir.resolve("readers")).doesNotExist();
    }

    @Test
    void dir_isTheDirectoryOpened() throws IOException {
        write(List.of(at(0, "a")));
        try (EventLog log = EventLog.open(dir)) {
            assertThat(log.dir()).isEqualTo(dir);
        }
    }

    static DslEvent at(int seconds, String verb) {
        return ContractEvents.succeeded(EventClock.toEpochNanos(T0.plusSeconds(seconds)), verb);
    }

    private void write(List<DslEvent> events) throws IOException {
        try (ChronicleEventStore store = ChronicleEventStore.open(dir)) {
            store.append(events);
        }
    }
}
