package dev.telltale.store.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportCheckpoint;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once JSON Lines output: checkpoint after sync, cut back on resume, one export per name, verified. */
class JsonlExportSinkTest {

    @TempDir
    Path dir;

    private static DslEvent event(int i) {
        return DslEvent.succeeded(i, null, "v" + i, 1);
    }

    private Path file() {
        return dir.resolve("out.jsonl");
    }

    @Test
    void resume_afterAKillBeforeTheFirstCheckpoint_cutsBackToWhereTheExportStarted() throws IOException {
        Files.writeString(
                file(),
                "{\"v\":1,\"ts\":\"2026-11-27T04:31:27Z\",\"type\":\"command_succeeded\",\"verb\":\"older\",\"duration_ns\":1}\n");
        long before = Files.size(file());
        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            assertThat(sink.resume()).isEqualTo(ExportCheckpoint.START);
            // As if killed here: lines reached the file, no checkpoint was committed for them.
            Files.writeString(file(), "{\"v\":1,\"half\":", StandardOpenOption.APPEND);
        }

        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            assertThat(sink.resume()).isEqualTo(ExportCheckpoint.START);
        }
        assertThat(Files.size(file())).isEqualTo(before);
    }

    @Test
    void write_thenResume_returnsTheCheckpointAndCutsBackWhatCameAfter() throws IOException {
        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            sink.resume();
            sink.write(List.of(event(1), event(2)), new ExportCheckpoint(20, 2));
        }
        long committed = Files.size(file());
        Files.writeString(file(), "{\"v\":1,\"torn", StandardOpenOption.APPEND);

        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            assertThat(sink.resume()).isEqualTo(new ExportCheckpoint(20, 2));
            assertThat(Files.size(file())).isEqualTo(committed);
            sink.write(List.of(event(3)), new ExportCheckpoint(30, 3));
        }
        try (JsonlReader reader = JsonlReader.open(file(), BadLinePolicy.FAIL)) {
            assertThat(reader.events().toList()).containsExactly(event(1), event(2), event(3));
        }
    }

    @Test
    void resume_whileAnotherExportWithTheSameNameRuns_failsNamingTheLock() throws IOException {
        try (JsonlExportSink first = JsonlExportSink.resumable(file(), "n")) {
            first.resume();
            JsonlExportSink second = JsonlExportSink.resumable(file(), "n");

            assertThatThrownBy(second::resume)
                    .isInstanceOf(IOException.class)
                    .hasMessage(file() + ": another export named 'n' is writing it now (its lock " + file()
                            + ".n.lock is held); " + "run one at a time");
            second.close();
            first.write(List.of(event(1)), new ExportCheckpoint(10, 1));
        }
        try (JsonlExportSink again = JsonlExportSink.resumable(file(), "n")) {
            assertThat(again.resume()).as("the lock is released on close").isEqualTo(new ExportCheckpoint(10, 1));
        }
    }

    @Test
    void resume_whenTheOutputWasChangedBeforeTheCheckpointedLength_refusesToTrustIt() throws IOException {
        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            sink.resume();
            sink.write(List.of(event(1), event(2)), new ExportCheckpoint(20, 2));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            raf.seek(10);
            raf.write('X');
        }

        assertThatThrownBy(() -> JsonlExportSink.resumable(file(), "n").resume())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(
                        file() + " does not hold what its checkpoint " + file() + ".n.checkpoint describes");
    }

    @Test
    void resume_whenTheOutputIsShorterThanItsCheckpoint_refusesToTrustIt() throws IOException {
        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "n")) {
            sink.resume();
            sink.write(List.of(event(1), event(2)), new ExportCheckpoint(20, 2));
        }
        Files.writeString(file(), "");

        assertThatThrownBy(() -> JsonlExportSink.resumable(file(), "n").resume())
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file() + " is shorter (0 bytes) than its checkpoint");
    }

    @Test
    void resume_readsACheckpointOfTheEarlierFormat() throws IOException {
        Files.writeString(file(), "line\n");
        Files.writeString(
                JsonlExportSink.checkpointFileOf(file(), "old"),
                "last-index=77\nbytes=5\nexported=1\n",
                StandardCharsets.UTF_8);

        try (JsonlExportSink sink = JsonlExportSink.resumable(file(), "old")) {
            assertThat(sink.resume()).isEqualTo(new ExportCheckpoint(77, 1));
        }
    }

    @Test
    void resumable_refusesANameThatIsNotAFileNamePart() {
        assertThatThrownBy(() -> JsonlExportSink.resumable(file(), "../x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an export name is letters, digits, '.', '_' or '-', got '../x'");
    }

    @Test
    void appending_hasNoCheckpoint() throws IOException {
        try (JsonlExportSink sink = JsonlExportSink.appending(file())) {
            assertThat(sink.resume()).isEqualTo(ExportCheckpoint.START);
            sink.write(List.of(event(1)), new ExportCheckpoint(1, 1));
            assertThat(sink.describe()).isEqualTo(file().toAbsolutePath().toString());
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file());
        }
    }
}
