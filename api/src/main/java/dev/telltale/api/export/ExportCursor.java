package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;

/**
 * Where an export reads: events in order, each at a position ({@code long}, increasing) from which a
 * later export can resume. A Chronicle queue's index, a JSON Lines file's line number. One thread.
 */
public interface ExportCursor extends Closeable {

    /** The next event, or {@code null} when there is none (now). */
    DslEvent next() throws IOException;

    /** The position of the event {@link #next()} returned last. */
    long position();

    /**
     * After {@link #next()} returned {@code null}: fails, naming where, unless the source was read to
     * its end, so that a read that stopped early is never taken for all there is.
     */
    void requireAtEnd() throws IOException;

    /**
     * Notes, durably, that everything up to {@link #position()} was exported, where the source keeps
     * such notes (a Chronicle queue keeps named readers' positions, so retention does not delete
     * what an export has not read). Called after the sink committed. The default does nothing.
     */
    default void commit() throws IOException {}
}
