package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.contract.EventStoreContractTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class ChronicleEventStoreContractTest extends EventStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected EventStore openStore() throws IOException {
        return ChronicleEventStore.open(queueDir());
    }

    /** Read back through {@link EventLog}; a store that never wrote an event leaves no event to read. */
    @Override
    protected List<DslEvent> persistedEvents() throws IOException {
        try (var files = Files.list(queueDir())) {
            if (files.noneMatch(file -> file.toString().endsWith(".cq4"))) {
                return List.of();
            }
        }
        return TestEvents.readAll(queueDir());
    }

    @Override
    protected void deleteUnderTheStore() throws IOException {
        try (var paths = Files.walk(queueDir())) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path queueDir() {
        return dir.resolve("events");
    }
}
