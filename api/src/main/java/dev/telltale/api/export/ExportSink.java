package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Where an export writes, exactly once: each batch is committed together with the checkpoint that
 * covers it, so that after any interruption the sink's last checkpoint describes exactly what the
 * output holds. A PostgreSQL sink commits rows and checkpoint in one transaction; a file sink syncs
 * the output, then replaces the checkpoint, and on resume cuts the output back to it. One thread.
 */
public interface ExportSink extends Closeable {

    /**
     * Gets the sink ready: takes the export's lock (or fails naming who holds it), checks the last
     * checkpoint against the output it describes (or fails saying how they differ), and puts the
     * output back to exactly what that checkpoint covers. Returns the checkpoint, or
     * {@link ExportCheckpoint#START} for an export that never committed one. Called once, first.
     */
    ExportCheckpoint resume() throws IOException;

    /** Writes the batch (which may be empty) and commits {@code checkpoint} with it, durably. */
    void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException;

    /**
     * As {@link #write(List, ExportCheckpoint)}, told each event's source position: event {@code i}
     * is at {@code positions[i]} (the array may be longer than the batch). A sink that keys rows by
     * position (PostgreSQL: each event's origin and position) overrides this one; the default ignores
     * the positions.
     */
    default void write(List<DslEvent> batch, long[] positions, ExportCheckpoint checkpoint) throws IOException {
        write(batch, checkpoint);
    }

    /** Where the sink writes, for messages, such as {@code events.jsonl}. */
    String describe();

    /**
     * Whether {@code failure}, thrown by this sink, is its target going away for a while (a lost
     * database connection), so that a new sink, a little later, may go on from the last checkpoint.
     * The default: no failure is.
     */
    default boolean isTransient(IOException failure) {
        return false;
    }

    /**
     * Whether this sink ever reached its target (connected to its database): an export retries a
     * {@linkplain #isTransient transient} failure only for a target it once reached, since one never
     * reached is more likely wrong than away. The default: yes.
     */
    default boolean reached() {
        return true;
    }
}
