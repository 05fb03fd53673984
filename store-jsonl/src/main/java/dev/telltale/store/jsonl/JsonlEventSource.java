package dev.telltale.store.jsonl;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportOrigin;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.api.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * A JSON Lines file (what the {@code jsonl} store writes) as an {@link EventSource}: positions are line
 * numbers, from 1. Each cursor reads the file from its start; a following one returns a line once its
 * newline is written. Bad lines fail the read, naming the file and line, or with
 * {@link SourceOptions#skipDamaged()} are skipped, and {@link #close()} tells the warnings how many.
 * Cursors may be opened from any thread; each is used by one thread at a time.
 */
public final class JsonlEventSource implements EventSource {

    private final Path file;
    private final BadLinePolicy policy;
    private final SourceOptions options;
    private long skippedLines;
    private boolean closed;

    private JsonlEventSource(Path file, SourceOptions options) {
        this.file = file;
        this.options = options;
        this.policy = options.skipDamaged() ? BadLinePolicy.SKIP : BadLinePolicy.FAIL;
    }

    /** Opens {@code file} for reading; nothing is read until a cursor is. */
    public static JsonlEventSource open(Path file, SourceOptions options) {
        return new JsonlEventSource(Objects.requireNonNull(file, "file"), Objects.requireNonNull(options, "options"));
    }

    @Override
    public String describe() {
        return "jsonl " + file;
    }

    /** Kept in {@code FILE.origin} beside the file. */
    @Override
    public UUID origin() throws IOException {
        return ExportOrigin.of(file.resolveSibling(file.getFileName() + ".origin"));
    }

    @Override
    public EventCursor cursor(Position from, boolean following) throws IOException {
        Objects.requireNonNull(from, "from");
        return new LineCursor(
                following ? JsonlReader.openFollowing(file, policy) : JsonlReader.open(file, policy), from);
    }

    /** Tells the warnings how many bad lines the cursors skipped, if any. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (skippedLines > 0) {
            options.warnings()
                    .accept("skipped " + skippedLines + " bad line" + (skippedLines == 1 ? "" : "s") + " in " + file);
        }
    }

    private synchronized void skipped(long lines) {
        skippedLines += lines;
    }

    /** Lines of the file as events at their line numbers, from a position. */
    private final class LineCursor implements EventCursor {
        private final JsonlReader reader;
        private Position from;
        private boolean closed;

        LineCursor(JsonlReader reader, Position from) {
            this.reader = reader;
            this.from = from;
        }

        @Override
        public RecordedEvent next() throws IOException {
            for (DslEvent event = reader.read(); event != null; event = reader.read()) {
                if (from == null || reached(event)) {
                    from = null;
                    return new RecordedEvent(reader.lineNumber(), event);
                }
            }
            if (from instanceof Position.End) {
                // At the end now: what is appended from here on is what follows "end".
                from = null;
            }
            return null;
        }

        private boolean reached(DslEvent event) {
            if (from instanceof Position.Start) {
                return true;
            }
            if (from instanceof Position.AtIndex index) {
                return reader.lineNumber() >= index.index();
            }
            if (from instanceof Position.AtTime time) {
                return !event.timestamp().isBefore(time.time());
            }
            return false;
        }

        @Override
        public long resumePosition() {
            return reader.lineNumber() + 1;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                skipped(reader.skippedLines());
                reader.close();
            }
        }
    }
}
