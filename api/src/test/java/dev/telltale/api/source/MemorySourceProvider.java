package dev.telltale.api.source;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source that lives only in the tests: {@code memory:NAME} reads the events put under NAME, at
 * positions 10, 20, 30… Registered as a service in the api's test resources.
 */
public final class MemorySourceProvider implements EventSourceProvider {

    static final Map<String, List<DslEvent>> EVENTS = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public String reads() {
        return "memory:NAME";
    }

    @Override
    public boolean accepts(String location) {
        return location.startsWith("memory:");
    }

    @Override
    public EventSource open(String location, SourceOptions options) throws IOException {
        List<DslEvent> events = EVENTS.get(location.substring("memory:".length()));
        if (events == null) {
            throw new EventSourceException(location + ": nothing is put there");
        }
        options.warnings().accept("opened " + location);
        return new ListSource(events);
    }

    /** Events in a list, event i at position 10 * (i + 1). */
    static class ListSource implements EventSource {
        private final List<DslEvent> events;

        ListSource(List<DslEvent> events) {
            this.events = events;
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public EventCursor cursor(Position from, boolean following) {
            return new EventCursor() {
                private int next = start(from);

                @Override
                public RecordedEvent next() {
                    while (next < events.size()) {
                        DslEvent event = events.get(next++);
                        if (!(from instanceof Position.AtTime time)
                                || !event.timestamp().isBefore(time.time())) {
                            return new RecordedEvent(10L * next, event);
                        }
                    }
                    return null;
                }

                @Override
                public long resumePosition() {
                    return 10L * (next + 1);
                }

                @Override
                public void close() {}
            };
        }

        private int start(Position from) {
            if (from instanceof Position.End) {
                return events.size();
            }
            if (from instanceof Position.AtIndex index) {
                return (int) Math.min(events.size(), Math.max(0, (index.index() + 9) / 10 - 1));
            }
            return 0;
        }

        @Override
        public UUID origin() {
            return new UUID(0, events.size());
        }

        @Override
        public void close() {}
    }
}
