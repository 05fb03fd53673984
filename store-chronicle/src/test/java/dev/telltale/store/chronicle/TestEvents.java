package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How this store's tests read back what was written; the events themselves are {@link dev.telltale.api.store.contract.ContractEvents}. */
final class TestEvents {

    private TestEvents() {}

    /** Every event of the queue in {@code dir}, from the start, failing on the first bad one. */
    static List<DslEvent> readAll(Path dir) throws IOException {
        return recordedFrom(dir, new Position.Start()).stream()
                .map(RecordedEvent::event)
                .toList();
    }

    /** Every event available now from {@code from}, with its index. */
    static List<RecordedEvent> recordedFrom(Path dir, Position from) throws IOException {
        try (EventLog log = EventLog.open(dir);
                EventCursor cursor = log.cursor(from)) {
            return drain(cursor);
        }
    }

    /** What {@code cursor} has to give right now. */
    static List<RecordedEvent> drain(EventCursor cursor) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
            events.add(next);
        }
        return events;
    }
}
