package dev.telltale.api.testing;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.RecordedEvent;
import java.util.List;

/** A cursor over a list, for export tests: event {@code i} is at position {@code 7 * i}. */
public final class ListCursor implements EventCursor {

    private final List<DslEvent> events;
    private int next;

    /** Starts after position {@code after}, or at the first event for {@link Long#MIN_VALUE}. */
    public ListCursor(List<DslEvent> events, long after) {
        this.events = events;
        this.next = after == Long.MIN_VALUE ? 0 : (int) (after / 7) + 1;
    }

    @Override
    public RecordedEvent next() {
        return next < events.size() ? new RecordedEvent(7L * next, events.get(next++)) : null;
    }

    @Override
    public long resumePosition() {
        return 7L * next;
    }

    @Override
    public void close() {}
}
