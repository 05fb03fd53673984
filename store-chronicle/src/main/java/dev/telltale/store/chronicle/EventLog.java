package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportOrigin;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.store.chronicle.internal.QueueReader;
import dev.telltale.store.chronicle.internal.ReaderPositions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A Telltale event directory opened for reading: the Chronicle queue a {@link ChronicleEventStore}
 * writes, read-only, as an {@link EventSource} ({@link ChronicleSourceProvider} opens it for
 * {@link dev.telltale.api.source.EventSources}). It is the complete way to read these files (their
 * layout is Telltale's own, see the {@linkplain dev.telltale.store.chronicle package}). Writers, in this
 * process or others, may append while it reads; cursors follow them. Positions are Chronicle indexes.
 *
 * <pre>{@code
 * try (EventLog log = EventLog.open(dir);
 *         EventCursor cursor = log.namedCursor("export-pg", new Position.Start())) {
 *     for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
 *         export(next.event());
 *     }
 *     cursor.commit();
 * }
 * }</pre>
 *
 * <p>Named readers: {@link #namedCursor} resumes from the position the name last
 * {@linkplain EventCursor#commit() committed}, kept in {@code readers/NAME.position} in the queue
 * directory. The store's retention never deletes a cycle file a named reader has not passed; delete
 * a reader's position file to let retention go past it.
 *
 * <p>Threading: any thread may open cursors; each cursor is used by one thread at a time. Closing the
 * log closes its cursors.
 */
public final class EventLog implements EventSource {

    /** The name of the origin file in a queue directory: {@value}. */
    public static final String ORIGIN_FILE_NAME = "telltale-origin";

    /** The version of the event layout this Telltale writes and reads: {@value}. */
    public static final int LAYOUT_VERSION = dev.telltale.store.chronicle.internal.EventLayout.VERSION;

    private final Path dir;
    private final QueueReader reader;
    private final ReaderPositions positions;

    private EventLog(Path dir, QueueReader reader) {
        this.dir = dir;
        this.reader = reader;
        this.positions = new ReaderPositions(dir);
    }

    /**
     * Opens the event directory {@code dir}.
     *
     * @throws EventSourceException {@code "DIR: not a Telltale event directory (no Chronicle queue files)"}
     *     when {@code dir} is missing or holds no {@code .cq4} files, or naming the directory and the
     *     problem when Chronicle cannot open the queue
     */
    public static EventLog open(Path dir) throws IOException {
        return open(dir, false);
    }

    /**
     * Opens the event directory {@code dir}. Every cycle file's header is checked first: a damaged one
     * (empty, zero-filled, cut short) is refused, naming it, unless {@code skipDamaged}; then cursors
     * step over it and {@link #skippedFiles()} lists what they skip.
     *
     * @throws EventSourceException as {@link #open(Path)}, and naming the first damaged cycle file
     */
    public static EventLog open(Path dir, boolean skipDamaged) throws IOException {
        Objects.requireNonNull(dir, "dir");
        return new EventLog(dir, QueueReader.open(dir, skipDamaged));
    }

    /** The damaged cycle files this log's cursors skip (opened with {@code skipDamaged}); empty when none. */
    public List<Path> skippedFiles() {
        return reader.damagedFiles();
    }

    /** An anonymous cursor at {@code from}; its position is not kept ({@link EventCursor#commit()} does nothing). */
    public EventCursor cursor(Position from) throws IOException {
        return reader.cursor(Objects.requireNonNull(from, "from"), null, positions);
    }

    /**
     * A cursor for the reader {@code name}: it resumes just after the last event the name committed,
     * or starts at {@code ifNew} if the name has never committed.
     *
     * @throws IllegalArgumentException naming {@code name} unless it is made of letters, digits, '.',
     *     '_' and '-' only
     * @throws EventSourceException naming the position file if it cannot be read
     */
    public EventCursor namedCursor(String name, Position ifNew) throws IOException {
        ReaderPositions.requireValidName(name);
        Objects.requireNonNull(ifNew, "ifNew");
        OptionalLong committed = positions.read(name);
        Position from = committed.isPresent() ? new Position.AtIndex(committed.getAsLong()) : ifNew;
        return reader.cursor(from, name, positions);
    }

    /**
     * Forgets the reader {@code name}: removes its committed position, if it has one, so that its next
     * {@link #namedCursor} starts at {@code ifNew} and retention no longer keeps cycle files for it.
     *
     * @return whether the name had a committed position
     * @throws IllegalArgumentException naming {@code name} unless it is made of letters, digits, '.',
     *     '_' and '-' only
     */
    public boolean forgetReader(String name) throws IOException {
        return positions.delete(name);
    }

    /**
     * A cursor that reads the newest event first, then older ones: for the last N events, at a cost that
     * does not grow with the size of the queue. {@link EventCursor#commit()} does nothing; it does not
     * follow writers.
     */
    public EventCursor newestFirst() throws IOException {
        return reader.newestFirst(positions);
    }

    /** A cursor at {@code from}; it follows writers whether or not {@code following} asks it to. */
    @Override
    public EventCursor cursor(Position from, boolean following) throws IOException {
        return cursor(from);
    }

    /** Found newest first ({@link #newestFirst()}), at a cost that does not grow with the queue. */
    @Override
    public Position startOfLast(Predicate<DslEvent> filter, int n) throws IOException {
        long start = -1;
        int found = 0;
        if (n > 0) {
            try (EventCursor newest = newestFirst()) {
                for (RecordedEvent recorded = newest.next(); recorded != null && found < n; recorded = newest.next()) {
                    if (filter.test(recorded.event())) {
                        found++;
                        start = recorded.position();
                    }
                }
            }
        }
        return found == 0 ? new Position.End() : new Position.AtIndex(start);
    }

    /**
     * With a {@code name}, the position is kept as a named reader's at each commit, so retention keeps
     * what the export has not read; a {@code firstRun} forgets what the name kept before.
     */
    @Override
    public EventCursor exportCursor(String name, Position from, boolean firstRun) throws IOException {
        Objects.requireNonNull(from, "from");
        if (name != null) {
            ReaderPositions.requireValidName(name);
            if (firstRun) {
                positions.delete(name);
            }
        }
        return reader.cursor(from, name, positions);
    }

    /** A queue's cursors always follow: the same cursor as {@link #exportCursor(String, Position, boolean)}. */
    @Override
    public EventCursor exportCursor(String name, Position from, boolean firstRun, boolean following)
            throws IOException {
        return exportCursor(name, from, firstRun);
    }

    /** Kept in {@value #ORIGIN_FILE_NAME} in the directory. */
    @Override
    public UUID origin() throws IOException {
        return ExportOrigin.of(dir.resolve(ORIGIN_FILE_NAME));
    }

    /** {@code chronicle} and the directory. */
    @Override
    public String describe() {
        return "chronicle " + dir;
    }

    /** The event directory, as given to {@link #open}. */
    public Path dir() {
        return dir;
    }

    /** Closes the queue and every cursor opened on it. Idempotent. */
    @Override
    public void close() {
        reader.close();
    }
}
