package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportCursor;
import dev.telltale.api.export.ExportOrigin;
import dev.telltale.store.chronicle.EventCursor;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.chronicle.Position;
import dev.telltale.store.chronicle.RecordedEvent;
import dev.telltale.store.jsonl.BadLinePolicy;
import dev.telltale.store.jsonl.JsonlReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * What {@code tail}, {@code stats} and {@code export} read: a Chronicle queue directory, or a JSON
 * Lines file (what the {@code jsonl} store writes). Positions are Chronicle indexes for a queue, line
 * numbers (from 1) for a file. One thread.
 */
abstract class EventInput implements Closeable {

    /**
     * Opens {@code path}: a regular file as JSON Lines, anything else as a queue directory. With
     * {@code skipDamaged}, a queue's damaged cycle files and a file's bad lines are skipped, and
     * {@code err} is told which or how many.
     */
    static EventInput open(Path path, boolean skipDamaged, PrintWriter err) throws IOException {
        if (Files.isRegularFile(path)) {
            return new JsonlFile(path, skipDamaged, err);
        }
        EventLog log = EventLog.open(path, skipDamaged);
        List<Path> skipped = log.skippedFiles();
        if (!skipped.isEmpty()) {
            err.println("telltale: skipping " + skipped.size() + " damaged cycle file"
                    + (skipped.size() == 1 ? "" : "s") + ": " + Printable.of(skipped.toString()));
            err.flush();
        }
        return new Queue(path, log);
    }

    /** A cursor at {@code from}; with {@code following}, one that returns what is appended later too. */
    abstract EventCursor cursor(Position from, boolean following) throws IOException;

    /** Where the last {@code n} events that pass {@code filter} start, in constant memory; {@link Position.End} if none does. */
    abstract Position startOfLast(EventFilter filter, int n) throws IOException;

    /** A source for the export engine: after {@code lastPosition}, or at {@code ifNothingYet}. */
    abstract ExportCursor exportCursor(String name, Position ifNothingYet, long lastPosition) throws IOException;

    /**
     * The input's stable origin id (created on first use): {@code telltale-origin} in a queue
     * directory, {@code FILE.origin} beside a JSON Lines file.
     */
    abstract UUID origin() throws IOException;

    /** A Chronicle queue. */
    private static final class Queue extends EventInput {
        private final Path dir;
        private final EventLog log;

        Queue(Path dir, EventLog log) {
            this.dir = dir;
            this.log = log;
        }

        @Override
        UUID origin() throws IOException {
            return ExportOrigin.of(dir.resolve(ExportOrigin.QUEUE_FILE_NAME));
        }

        @Override
        EventCursor cursor(Position from, boolean following) throws IOException {
            return log.cursor(from);
        }

        @Override
        Position startOfLast(EventFilter filter, int n) throws IOException {
            long start = -1;
            int found = 0;
            if (n > 0) {
                try (EventCursor newest = log.newestFirst()) {
                    for (RecordedEvent recorded = newest.next();
                            recorded != null && found < n;
                            recorded = newest.next()) {
                        if (filter.test(recorded.event())) {
                            found++;
                            start = recorded.index();
                        }
                    }
                }
            }
            return found == 0 ? new Position.End() : new Position.AtIndex(start);
        }

        @Override
        ExportCursor exportCursor(String name, Position ifNothingYet, long lastPosition) throws IOException {
            return log.exportCursor(name, ifNothingYet, lastPosition);
        }

        @Override
        public void close() {
            log.close();
        }
    }

    /** A JSON Lines file, read from its start each time: positions are line numbers. */
    private static final class JsonlFile extends EventInput {
        private final Path file;
        private final BadLinePolicy policy;
        private final PrintWriter err;
        private long skippedLines;

        JsonlFile(Path file, boolean skipBadLines, PrintWriter err) {
            this.file = file;
            this.policy = skipBadLines ? BadLinePolicy.SKIP : BadLinePolicy.FAIL;
            this.err = err;
        }

        @Override
        UUID origin() throws IOException {
            return ExportOrigin.of(file.resolveSibling(file.getFileName() + ".origin"));
        }

        @Override
        EventCursor cursor(Position from, boolean following) throws IOException {
            return new LineCursor(
                    following ? JsonlReader.openFollowing(file, policy) : JsonlReader.open(file, policy), from);
        }

        @Override
        Position startOfLast(EventFilter filter, int n) throws IOException {
            if (n <= 0) {
                return new Position.End();
            }
            long matching = 0;
            try (JsonlReader reader = JsonlReader.open(file, policy)) {
                for (DslEvent event = reader.read(); event != null; event = reader.read()) {
                    if (filter.test(event)) {
                        matching++;
                    }
                }
            }
            if (matching == 0) {
                return new Position.End();
            }
            long skip = Math.max(0, matching - n);
            try (JsonlReader reader = JsonlReader.open(file, policy)) {
                for (DslEvent event = reader.read(); event != null; event = reader.read()) {
                    if (filter.test(event) && skip-- == 0) {
                        return new Position.AtIndex(reader.lineNumber());
                    }
                }
            }
            return new Position.End();
        }

        @Override
        ExportCursor exportCursor(String name, Position ifNothingYet, long lastPosition) throws IOException {
            return cursor(
                            lastPosition == ExportCheckpoint.NOTHING_YET
                                    ? ifNothingYet
                                    : new Position.AtIndex(lastPosition + 1),
                            false)
                    .forExport(lastPosition);
        }

        @Override
        public void close() {
            if (skippedLines > 0) {
                err.println("telltale: skipped " + skippedLines + " bad line" + (skippedLines == 1 ? "" : "s") + " in "
                        + file);
                err.flush();
            }
        }

        /** Lines of the file as events at their line numbers, from a position. */
        private final class LineCursor implements EventCursor {
            private final JsonlReader reader;
            private Position from;

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
            public long index() {
                return reader.lineNumber() + 1;
            }

            @Override
            public void commit() {
                // A file keeps no reader positions.
            }

            @Override
            public void requireAtEnd() {
                // Read to the end of the file.
            }

            @Override
            public void close() throws IOException {
                skippedLines += reader.skippedLines();
                reader.close();
            }
        }
    }
}
