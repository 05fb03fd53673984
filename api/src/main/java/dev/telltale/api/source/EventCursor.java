package dev.telltale.api.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads a source's events in order from a {@link Position}. A cursor opened for following (a
 * Chronicle queue's always are) returns {@code null} from {@link #next()} when nothing more is
 * written yet, and what was appended meanwhile on a later call.
 *
 * <p>Not thread-safe: one thread at a time (it may be handed from one thread to another between calls).
 */
public interface EventCursor extends Closeable {

    /**
     * The next event with its position, or {@code null} when there is none (now).
     *
     * @throws IOException naming the file (and position) when an event or the file is damaged, or an
     *     event has a format version this reader does not know; a later call goes on after it
     */
    RecordedEvent next() throws IOException;

    /**
     * The position to resume at: just after the last event returned (or skipped), or the start
     * position if none was. {@code Position.AtIndex(resumePosition())} continues with no gap and no
     * duplicate.
     */
    long resumePosition();

    /**
     * Notes, durably, that everything up to the last event returned was read, where the source keeps
     * such notes: a Chronicle queue keeps named readers' positions, so that retention does not delete
     * what an export has not read. Called by the export engine after its sink committed. The default
     * does nothing.
     */
    default void commit() throws IOException {}

    /**
     * After {@link #next()} returned {@code null} for a reader that is not following: fails unless the
     * cursor reached the end of the source, so that a read that stopped early is never taken for all
     * there is (a reader must never exit 0 on a short read). The default checks nothing.
     *
     * @throws IOException naming where reading stopped and what it did not reach
     */
    default void requireAtEnd() throws IOException {}

    /** Releases the cursor; it is not used afterwards. Does not commit. Idempotent. */
    @Override
    void close() throws IOException;
}
