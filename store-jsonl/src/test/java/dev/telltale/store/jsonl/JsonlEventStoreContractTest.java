package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.contract.EventStoreContractTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class JsonlEventStoreContractTest extends EventStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected EventStore openStore() throws IOException {
        return JsonlEventStore.open(file(), false);
    }

    @Override
    protected List<DslEvent> persistedEvents() throws IOException {
        return TestEvents.readAll(file());
    }

    @Override
    protected void deleteUnderTheStore() throws IOException {
        java.nio.file.Files.delete(file());
    }

    private Path file() {
        return dir.resolve("events.jsonl");
    }
}
