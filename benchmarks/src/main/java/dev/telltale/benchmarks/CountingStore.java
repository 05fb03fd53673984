package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import java.util.List;

/** A store that only counts, so a benchmark measures Telltale's machinery and not I/O. Drain thread only. */
final class CountingStore implements EventStore {

    private volatile long appended;

    @Override
    public void append(List<DslEvent> batch) {
        appended = appended + batch.size();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    long appended() {
        return appended;
    }

    @Override
    public String describe() {
        return "counting";
    }
}
