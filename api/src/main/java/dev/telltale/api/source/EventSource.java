package dev.telltale.api.source;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Recorded events opened for reading: a Chronicle queue directory, a JSON Lines file, any source a
 * {@link EventSourceProvider} opens. Everything that reads events ({@code telltale tail}, {@code stats},
 * {@link dev.telltale.api.export.ExactlyOnceExport}) reads through this interface and names no store.
 *
 * <p>Threading: cursors may be opened from any thread; each cursor is used by one thread at a time.
 * Closing the source closes what it holds open; a provider may close its cursors with it.
 */
public interface EventSource extends Closeable {

    /** One line for messages: the source's kind and where it is, such as {@code chronicle /var/telltale}. */
    String describe();

    /**
     * A cursor at {@code from}; with {@code following}, {@link EventCursor#next()} returning {@code null}
     * means "nothing more yet", and a later call returns what was appended meanwhile.
     */
    EventCursor cursor(Position from, boolean following) throws IOException;

    /**
     * Where the last {@code n} events that pass {@code filter} start: the position of the oldest of
     * them, or {@link Position.End} if none passes (or {@code n} is not positive). The default reads the
     * source twice from its start; a source that can read newest first overrides it so that the cost
     * does not grow with the size of the source.
     */
    default Position startOfLast(Predicate<DslEvent> filter, int n) throws IOException {
        if (n <= 0) {
            return new Position.End();
        }
        long matching = 0;
        try (EventCursor cursor = cursor(new Position.Start(), false)) {
            for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                if (filter.test(next.event())) {
                    matching++;
                }
            }
        }
        long skip = Math.max(0, matching - n);
        if (matching > 0) {
            try (EventCursor cursor = cursor(new Position.Start(), false)) {
                for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                    if (filter.test(next.event()) && skip-- == 0) {
                        return new Position.AtIndex(next.position());
                    }
                }
            }
        }
        return new Position.End();
    }

    /**
     * A cursor for {@link dev.telltale.api.export.ExactlyOnceExport} at {@code from}, not following. A
     * source that keeps readers' positions (a Chronicle queue, so that retention keeps what an export
     * has not read) keeps it under {@code name} at each {@link EventCursor#commit()}, and forgets what
     * the name kept before when this is the export's {@code firstRun}; the default keeps nothing.
     *
     * @param name the export's name (letters, digits, '.', '_', '-'), or {@code null} for an export
     *     that is not resumable
     */
    default EventCursor exportCursor(String name, Position from, boolean firstRun) throws IOException {
        return cursor(from, false);
    }

    /**
     * As {@link #exportCursor(String, Position, boolean)}, for an export that follows the source
     * ({@code following}: {@link EventCursor#next()} returning {@code null} means "nothing more yet").
     * The default: a following {@link #cursor} when following, keeping nothing; otherwise the
     * three-argument method. A source that keeps readers' positions overrides this too.
     */
    default EventCursor exportCursor(String name, Position from, boolean firstRun, boolean following)
            throws IOException {
        return following ? cursor(from, true) : exportCursor(name, from, firstRun);
    }

    /**
     * The source's stable origin id, created on first use and kept beside (or in) the source, so that
     * rows exported from it are known by (origin, position) wherever they go
     * ({@link dev.telltale.api.export.ExportOrigin}).
     */
    UUID origin() throws IOException;

    /**
     * Releases the source; tells the {@linkplain SourceOptions#warnings() warnings} what was skipped,
     * if anything was. Idempotent.
     */
    @Override
    void close() throws IOException;
}
