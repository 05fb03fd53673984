package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A named cursor resumes after its last commit: exactly once, however the reading is cut up. */
class NamedCursorTest {

    @TempDir
    Path dir;

    private final AtomicLong clockMillis =
            new AtomicLong(EventLogTest.at(0, "x").epochNanos() / 1_000_000);

    @Test
    void namedCursor_resumedInRunsAcrossCycles_readsEveryEventExactlyOnce() throws IOException {
        List<DslEvent> written = new ArrayList<>();
        List<DslEvent> read = new ArrayList<>();
        try (ChronicleEventStore store = openStore()) {
            for (int run = 0; run < 6; run++) {
                List<DslEvent> batch = List.of(
                        EventLogTest.at(run * 3, "a"),
                        EventLogTest.at(run * 3 + 1, "b"),
                        EventLogTest.at(run * 3 + 2, "c"));
                store.append(batch);
                written.addAll(batch);
                if (run % 2 == 1) {
                    clockMillis.addAndGet(1_000);
                }
                // Each run reads some, commits, reads one more without committing, and stops.
                try (EventLog log = EventLog.open(dir);
                        EventCursor cursor = log.namedCursor("export", new Position.Start())) {
                    for (int i = 0; i < 2 + run % 2; i++) {
                        RecordedEvent next = cursor.next();
                        if (next != null) {
                            read.add(next.event());
                        }
                    }
                    cursor.commit();
                    cursor.next();
                }
            }
        }
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.namedCursor("export", new Position.End())) {
            TestEvents.drain(cursor).forEach(next -> read.add(next.event()));
        }

        assertThat(read).containsExactlyElementsOf(written);
    }

    @Test
    void namedCursor_withoutACommittedPosition_startsAtIfNew() throws IOException {
        write(EventLogTest.at(0, "a"), EventLogTest.at(1, "b"));

        try (EventLog log = EventLog.open(dir)) {
            try (EventCursor cursor = log.namedCursor("from-end", new Position.End())) {
                assertThat(cursor.next()).isNull();
            }
            try (EventCursor cursor = log.namedCursor("from-start", new Position.Start())) {
                assertThat(TestEvents.drain(cursor)).hasSize(2);
            }
        }
    }

    @Test
    void namedCursor_committedAtTheEnd_resumesWithEventsAppendedAfterwards() throws IOException {
        write(EventLogTest.at(0, "a"));
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.namedCursor("tail", new Position.Start())) {
            TestEvents.drain(cursor);
            cursor.commit();
        }
        write(EventLogTest.at(1, "b"));

        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.namedCursor("tail", new Position.Start())) {
            assertThat(TestEvents.drain(cursor))
                    .extracting(RecordedEvent::event)
                    .containsExactly(EventLogTest.at(1, "b"));
        }
    }

    @Test
    void commit_writesReadersNamePositionAtomically() throws IOException {
        write(EventLogTest.at(0, "a"), EventLogTest.at(1, "b"));
        long next;
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.namedCursor("pg.export_1", new Position.Start())) {
            next = cursor.next().position() + 1;
            cursor.commit();
        }

        Path position = dir.resolve("readers/pg.export_1.position");
        assertThat(Files.readString(position, StandardCharsets.US_ASCII).strip())
                .isEqualTo(String.format("0x%016x", next));
        try (var files = Files.list(dir.resolve("readers"))) {
            assertThat(files).containsExactly(position);
        }
    }

    @Test
    void forgetReader_removesThePosition_soTheNextCursorStartsAtIfNew() throws IOException {
        write(EventLogTest.at(0, "a"), EventLogTest.at(1, "b"));
        try (EventLog log = EventLog.open(dir)) {
            try (EventCursor cursor = log.namedCursor("export", new Position.Start())) {
                TestEvents.drain(cursor);
                cursor.commit();
            }

            assertThat(log.forgetReader("export")).isTrue();
            assertThat(log.forgetReader("export")).isFalse();
            assertThat(dir.resolve("readers/export.position")).doesNotExist();
            try (EventCursor cursor = log.namedCursor("export", new Position.Start())) {
                assertThat(TestEvents.drain(cursor)).hasSize(2);
            }
            assertThatThrownBy(() -> log.forgetReader("../x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape", "a/b", "with space", "naïve", "semi;colon"})
    void namedCursor_invalidName_namesIt(String name) throws IOException {
        write(EventLogTest.at(0, "a"));
        try (EventLog log = EventLog.open(dir)) {
            assertThatThrownBy(() -> log.namedCursor(name, new Position.Start()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("got '" + name + "'");
        }
    }

    @Test
    void namedCursor_corruptPositionFile_namesTheFile() throws IOException {
        write(EventLogTest.at(0, "a"));
        Path position = dir.resolve("readers/broken.position");
        Files.createDirectories(position.getParent());
        Files.writeString(position, "not a number\n");

        try (EventLog log = EventLog.open(dir)) {
            assertThatThrownBy(() -> log.namedCursor("broken", new Position.Start()))
                    .isInstanceOf(EventSourceException.class)
                    .hasMessage(position + ": not a reader position (expected an index such as 0x6b09132500000002, "
                            + "got 'not a number')");
        }
    }

    private ChronicleEventStore openStore() throws IOException {
        return ChronicleEventStore.builder(dir)
                .rollCycle("TEST_SECONDLY")
                .clock(clockMillis::get)
                .open();
    }

    private void write(DslEvent... events) throws IOException {
        try (ChronicleEventStore store = openStore()) {
            store.append(List.of(events));
        }
    }
}
