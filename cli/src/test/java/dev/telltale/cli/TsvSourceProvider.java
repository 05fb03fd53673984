package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.EventSourceProvider;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.source.SourceOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A store that lives only in the tests, to show that the command line reads whatever source a provider
 * on the class path accepts, with no change to it: {@code tsv:FILE}, a file of lines
 * {@code EPOCH_NANOS<tab>VERB<tab>DURATION_NANOS<tab>ok|failed}, an event at each line number.
 */
public final class TsvSourceProvider implements EventSourceProvider {

    @Override
    public String name() {
        return "tsv";
    }

    @Override
    public String reads() {
        return "tsv:FILE (the CLI's tests only)";
    }

    @Override
    public boolean accepts(String location) {
        return location.startsWith("tsv:");
    }

    @Override
    public EventSource open(String location, SourceOptions options) throws IOException {
        Path file = Path.of(location.substring("tsv:".length()));
        if (!Files.isRegularFile(file)) {
            throw new EventSourceException(file + ": no such file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new EventSource() {
            @Override
            public String describe() {
                return "tsv " + file;
            }

            @Override
            public EventCursor cursor(Position from, boolean following) {
                return new EventCursor() {
                    private int next = from instanceof Position.AtIndex at ? (int) Math.max(0, at.index() - 1) : 0;

                    @Override
                    public RecordedEvent next() {
                        if (from instanceof Position.End || next >= lines.size()) {
                            return null;
                        }
                        String[] parts = lines.get(next++).split("\t");
                        long epochNanos = Long.parseLong(parts[0]);
                        long duration = Long.parseLong(parts[2]);
                        DslEvent event = parts[3].equals("ok")
                                ? DslEvent.succeeded(epochNanos, null, parts[1], duration)
                                : DslEvent.failed(epochNanos, null, parts[1], duration, new IllegalStateException());
                        return new RecordedEvent(next, event);
                    }

                    @Override
                    public long resumePosition() {
                        return next + 1;
                    }

                    @Override
                    public void close() {}
                };
            }

            @Override
            public UUID origin() {
                return UUID.nameUUIDFromBytes(file.toString().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {}
        };
    }
}
