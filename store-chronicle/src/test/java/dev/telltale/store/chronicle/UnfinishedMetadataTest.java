package dev.telltale.store.chronicle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer killed while Chronicle created {@code metadata.cq4t} leaves its header unfinished (seen
 * in the fault-injection kills); Chronicle's next open then waits on it for ever. The store sets it
 * aside and opens.
 */
class UnfinishedMetadataTest {

    @TempDir
    Path dir;

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void open_whenTheMetadataHeaderWasNeverFinished_setsItAsideAndRecords() throws IOException {
        Path queue = Files.createDirectories(dir.resolve("events"));
        try (ChronicleEventStore store = ChronicleEventStore.open(queue)) {
            store.flush();
        }
        try (Stream<Path> files = Files.list(queue)) {
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".cq4")).toList()) {
                Files.delete(file);
            }
        }
        // As a crash inside Chronicle's header write leaves it: the header's "not complete" bit set.
        try (java.io.RandomAccessFile raf =
                new java.io.RandomAccessFile(queue.resolve("metadata.cq4t").toFile(), "rw")) {
            raf.seek(3);
            int top = raf.read();
            raf.seek(3);
            raf.write(top | 0x80);
        }

        try (ChronicleEventStore store = ChronicleEventStore.open(queue)) {
            store.append(List.of(DslEvent.succeeded(1, null, "after.crash", 1)));
        }

        assertThat(TestEvents.readAll(queue)).extracting(DslEvent::epochNanos).containsExactly(1L);
        try (Stream<Path> files = Files.list(queue)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("metadata.cq4t.") && name.endsWith(".unfinished"));
        }
    }
}
