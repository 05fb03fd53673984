package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.store.chronicle.internal.EventLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged queue gives an {@link EventSourceException} that names the file, never a raw Chronicle failure. */
class CorruptFileTest {

    private static final String MARKED_VERB = "corrupt.me";

    @TempDir
    Path dir;

    @Test
    void next_eventWithAnUnknownLayoutVersion_namesTheFileTheIndexAndTheVersion() throws IOException {
        Path cycleFile = writeThreeEventsAndCorruptTheSecond(99);

        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.Start())) {
            RecordedEvent first = cursor.next();
            assertThat(first.event().payload().toString()).contains("before");

            assertThatThrownBy(cursor::next)
                    .isInstanceOf(EventSourceException.class)
                    .hasMessage(cycleFile + ": event at index 0x" + Long.toHexString(first.position() + 1)
                            + ": unknown layout version 99 (this reader knows 1; a newer Telltale wrote it?)");
            assertThat(cursor.next().event().payload().toString())
                    .as("the event after the bad one")
                    .contains("after");
        }
    }

    @Test
    void next_eventWithAnUnknownType_namesTheFile() throws IOException {
        Path cycleFile = writeThreeEventsAndCorruptTheSecond(1, (byte) 42);

        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.Start())) {
            cursor.next();

            assertThatThrownBy(cursor::next)
                    .isInstanceOf(EventSourceException.class)
                    .hasMessageStartingWith(cycleFile + ": event at index 0x")
                    .hasMessageEndingWith(": unknown event type 42");
        }
    }

    @Test
    void cursor_onACycleFileOfGarbage_namesTheFile() throws IOException {
        Path garbage = dir.resolve("20261127-04F.cq4");
        byte[] bytes = new byte[64 * 1024];
        Arrays.fill(bytes, (byte) 0x5A);
        Files.write(garbage, bytes);

        assertThatThrownBy(() -> {
                    try (EventLog log = EventLog.open(dir);
                            EventCursor cursor = log.cursor(new Position.Start())) {
                        cursor.next();
                    }
                })
                .isInstanceOf(EventSourceException.class)
                .hasMessageStartingWith(
                        garbage + ": damaged cycle file: the file is 65536 bytes long, shorter than its ");
    }

    @Test
    void next_documentHeaderOverwritten_namesTheFile() throws IOException {
        Path cycleFile = writeThreeEvents();
        long version = offsetOfSecondEventVersion(cycleFile);
        try (RandomAccessFile file = new RandomAccessFile(cycleFile.toFile(), "rw")) {
            // The 4-byte Chronicle header before the event: a length far past the end of the file.
            file.seek(version - 4);
            file.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, 0x3F});
        }

        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(new Position.Start())) {
            cursor.next();
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 3; i++) {
                            cursor.next();
                        }
                    })
                    .isInstanceOf(EventSourceException.class)
                    .hasMessageStartingWith(cycleFile + ": event at index 0x")
                    .hasMessageContaining("is larger than any event (at most " + EventLayout.MAX_EVENT_BYTES
                            + "): the file is damaged");
        }
    }

    private Path writeThreeEventsAndCorruptTheSecond(int atOffsetFromVersion, byte... value) throws IOException {
        Path cycleFile = writeThreeEvents();
        long version = offsetOfSecondEventVersion(cycleFile);
        try (RandomAccessFile file = new RandomAccessFile(cycleFile.toFile(), "rw")) {
            file.seek(version + atOffsetFromVersion);
            file.write(value);
        }
        return cycleFile;
    }

    private Path writeThreeEventsAndCorruptTheSecond(int versionByte) throws IOException {
        return writeThreeEventsAndCorruptTheSecond(0, (byte) versionByte);
    }

    private Path writeThreeEvents() throws IOException {
        try (ChronicleEventStore store = ChronicleEventStore.open(dir)) {
            store.append(List.of(event("before"), event(MARKED_VERB), event("after")));
        }
        List<String> files = CycleFileNames.in(dir);
        assertThat(files).hasSize(1);
        return dir.resolve(files.get(0));
    }

    /** Where the second event's layout version byte is: before its session, timestamp, flags and type. */
    private static long offsetOfSecondEventVersion(Path cycleFile) throws IOException {
        byte[] content = Files.readAllBytes(cycleFile);
        byte[] marker = MARKED_VERB.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + marker.length <= content.length; i++) {
            if (Arrays.equals(content, i, i + marker.length, marker, 0, marker.length)) {
                return i - 1 - 16 - 8 - 1 - 1 - 1;
            }
        }
        throw new AssertionError("marker not found in " + cycleFile);
    }

    private static DslEvent event(String verb) {
        return ContractEvents.succeeded(ContractEvents.EPOCH_NANOS, verb);
    }
}
