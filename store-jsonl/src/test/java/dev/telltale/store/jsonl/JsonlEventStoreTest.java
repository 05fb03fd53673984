package dev.telltale.store.jsonl;

import static dev.telltale.json.testing.GoldenLines.*;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.json.EventJsonException;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlEventStoreTest {

    @TempDir
    Path dir;

    @Test
    void append_writesOneGoldenLinePerEvent() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(List.of(
                    ContractEvents.succeeded(),
                    ContractEvents.failed(),
                    ContractEvents.started(),
                    ContractEvents.ended(),
                    ContractEvents.entry()));
        }

        assertThat(Files.readString(file, UTF_8))
                .isEqualTo(GOLDEN_SUCCEEDED + "\n" + GOLDEN_FAILED + "\n" + GOLDEN_STARTED + "\n" + GOLDEN_ENDED + "\n"
                        + GOLDEN_ENTRY + "\n");
    }

    @Test
    void append_handsTheBatchToTheOperatingSystemBeforeReturning() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(List.of(ContractEvents.succeeded()));

            // Neither flushed nor closed: what a reader (or the JVM's death) would see now.
            assertThat(Files.readString(file, UTF_8)).isEqualTo(GOLDEN_SUCCEEDED + "\n");
        }
    }

    @Test
    void open_whenFileExists_appendsAndKeepsItsLines() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, GOLDEN_STARTED + "\n", UTF_8);

        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(List.of(ContractEvents.ended()));
        }

        assertThat(Files.readString(file, UTF_8)).isEqualTo(GOLDEN_STARTED + "\n" + GOLDEN_ENDED + "\n");
    }

    @Test
    void open_whenLastLineIsTorn_startsTheNextEventOnANewLine() throws IOException {
        Path file = dir.resolve("events.jsonl");
        String torn = GOLDEN_STARTED.substring(0, 40);
        Files.writeString(file, GOLDEN_STARTED + "\n" + torn, UTF_8);

        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(List.of(ContractEvents.ended()));
        }

        assertThat(Files.readString(file, UTF_8)).isEqualTo(GOLDEN_STARTED + "\n" + torn + "\n" + GOLDEN_ENDED + "\n");
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.SKIP)) {
            assertThat(reader.events().toList()).containsExactly(ContractEvents.started(), ContractEvents.ended());
            assertThat(reader.skippedLines()).isEqualTo(1);
            assertThat(reader.firstSkipped())
                    .get()
                    .extracting(EventJsonException::lineNumber)
                    .isEqualTo(2L);
        }
    }

    @Test
    void open_createsMissingParentDirectories() throws IOException {
        Path file = dir.resolve("a/b/events.jsonl");

        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(List.of(ContractEvents.started()));
        }

        assertThat(TestEvents.readAll(file)).containsExactly(ContractEvents.started());
    }

    @Test
    void append_whenWriteFailsMidway_cutsTheFileBackAndLaterBatchesStillLand() throws IOException {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, GOLDEN_STARTED + "\n", UTF_8);
        FailingOnceStream stream = new FailingOnceStream(file.toFile());

        try (JsonlEventStore store =
                new JsonlEventStore(file, stream, false, dev.telltale.api.store.FileAccess.OWNER)) {
            List<DslEvent> lost = List.of(ContractEvents.succeeded(), ContractEvents.failed());
            assertThatThrownBy(() -> store.append(lost))
                    .isInstanceOf(IOException.class)
                    .hasMessage("disk full");
            assertThat(Files.readString(file, UTF_8)).isEqualTo(GOLDEN_STARTED + "\n");

            store.append(List.of(ContractEvents.ended()));
        }

        assertThat(TestEvents.readAll(file)).containsExactly(ContractEvents.started(), ContractEvents.ended());
    }

    @Test
    void flush_withFsync_keepsEverything() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonlEventStore store = JsonlEventStore.open(file, true)) {
            store.append(List.of(ContractEvents.started()));
            store.flush();
        }

        assertThat(TestEvents.readAll(file)).containsExactly(ContractEvents.started());
    }

    @Test
    void close_twice_closesOnce() throws IOException {
        JsonlEventStore store = JsonlEventStore.open(dir.resolve("events.jsonl"), true);
        store.close();

        assertThatCode(store::close).doesNotThrowAnyException();
    }

    @Test
    void append_afterClose_failsNamingTheFile() throws IOException {
        Path file = dir.resolve("events.jsonl");
        JsonlEventStore store = JsonlEventStore.open(file, false);
        store.close();

        assertThatThrownBy(() -> store.append(List.of(ContractEvents.started())))
                .isInstanceOf(IOException.class)
                .hasMessage("store is closed: jsonl " + file.toAbsolutePath());
    }

    @Test
    void describe_namesTheAbsolutePath() throws IOException {
        Path file = dir.resolve("events.jsonl");
        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            assertThat(store.describe()).isEqualTo("jsonl " + file.toAbsolutePath());
            assertThat(store.file()).isEqualTo(file.toAbsolutePath());
        }
    }

    /** Writes half of the first write it is given, then fails it, as a full disk would. */
    private static final class FailingOnceStream extends FileOutputStream {

        private boolean failed;

        FailingOnceStream(File file) throws IOException {
            super(file, true);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (failed) {
                super.write(bytes, offset, length);
                return;
            }
            failed = true;
            super.write(bytes, offset, length / 2);
            throw new IOException("disk full");
        }
    }
}
