package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportCursor;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads events in queue order from a position, and follows the queue as writers append: when
 * {@link #next()} returns {@code null}, a later call returns what was appended meanwhile, across cycle
 * rolls. Opened by {@link EventLog#cursor} (anonymous) or {@link EventLog#namedCursor} (its position
 * can be committed and resumed from).
 *
 * <p>Not thread-safe: one thread at a time (it may be handed from one thread to another between calls).
 */
public interface EventCursor extends Closeable {

    /**
     * The next event, or {@code null} when none is available right now. A follower polls again later.
     *
     * @throws EventLogException naming the cycle file (and index) when an event or the file is corrupt,
     *     or an event has an unknown layout version; a later call goes on with the event after it
     */
    RecordedEvent next() throws IOException;

    /**
     * The Chronicle index to resume at: just after the last event returned (or skipped), or the start
     * position if none was. {@code Position.AtIndex(index())} continues with no gap and no duplicate.
     */
    long index();

    /**
     * For a named cursor, persists {@link #index()} durably (written to a temporary file, forced,
     * renamed), so that a later {@code namedCursor(name, …)} resumes right after the last event
     * returned before this commit. For an anonymous cursor, does nothing.
     */
    void commit() throws IOException;

    /**
     * After {@link #next()} returned {@code null} for a reader that is not following: fails unless the
     * cursor reached the end of the queue, so that a read that stopped early is never taken for all
     * there is (a reader must never exit 0 on a short read).
     *
     * @throws EventLogException naming the cycle file where reading stopped and the later one it did not reach
     */
    void requireAtEnd() throws IOException;

    /**
     * This cursor as a source for the export engine, positioned as it is, just after {@code lastPosition}
     * (or {@link ExportCheckpoint#NOTHING_YET}); closing the one closes the other.
     */
    default ExportCursor forExport(long lastPosition) {
        EventCursor cursor = this;
        return new ExportCursor() {
            private long position = lastPosition;

            @Override
            public DslEvent next() throws IOException {
                RecordedEvent next = cursor.next();
                if (next == null) {
                    return null;
                }
                position = next.index();
                return next.event();
            }

            @Override
            public long position() {
                return position;
            }

            @Override
            public void requireAtEnd() throws IOException {
                cursor.requireAtEnd();
            }

            @Override
            public void commit() throws IOException {
                cursor.commit();
            }

            @Override
            public void close() throws IOException {
                cursor.close();
            }
        };
    }

    /** Releases the cursor; it is not used afterwards. Does not commit. Idempotent. */
    @Override
    void close() throws IOException;
}
