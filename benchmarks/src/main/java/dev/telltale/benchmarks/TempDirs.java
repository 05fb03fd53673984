package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.store.chronicle.ChronicleEventStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/** Temporary directories, and the queues in them, for benchmarks that write to disk. */
final class TempDirs {

    private TempDirs() {}

    /**
     * Writes {@code count} events, {@code event.apply(i)} for i = 0, 1, …, to a new Chronicle queue in
     * {@code queue}, in batches of 512 as the drain would; on failure deletes {@code dir} (JMH skips the
     * tear-down after a failed set-up, such as missing JVM flags) and rethrows.
     */
    static void writeQueue(Path dir, Path queue, int count, IntFunction<DslEvent> event) throws IOException {
        try (ChronicleEventStore store = ChronicleEventStore.open(queue)) {
            List<DslEvent> chunk = new ArrayList<>(512);
            for (int i = 0; i < count; i++) {
                chunk.add(event.apply(i));
                if (chunk.size() == 512) {
                    store.append(chunk);
                    chunk.clear();
                }
            }
            store.append(chunk);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** Deletes {@code dir} and everything in it; does nothing if it is {@code null} or gone. */
    static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
