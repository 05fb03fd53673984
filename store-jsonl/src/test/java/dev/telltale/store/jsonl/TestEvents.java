package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** How this store's tests read back what was written; the events themselves are {@link dev.telltale.api.store.contract.ContractEvents}. */
final class TestEvents {

    private TestEvents() {}

    /** Every event of a file, failing on the first bad line. */
    static List<DslEvent> readAll(Path file) throws IOException {
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL);
                Stream<DslEvent> events = reader.events()) {
            return events.toList();
        }
    }
}
