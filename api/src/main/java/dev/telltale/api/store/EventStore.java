package dev.telltale.api.store;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Persists batches of events. Only one thread, the drain thread, calls a store, so implementations
 * need no locking; they do need to be exact: after {@link #append} returns normally, every event of
 * the batch is persisted (or buffered until the next {@link #flush}); after it throws, the drain
 * counts the whole batch as lost and never offers it again, so a store must not half-apply a batch
 * and then throw, unless it throws a {@link StoreAppendException} saying how many it applied.
 *
 * <p>What a store's files hold must equal what it reported persisted: a store that finds its file
 * or directory gone (deleted under the process) reports the events it wrote there as not appended,
 * and recreates what it needs on the next call.
 */
public interface EventStore extends Closeable {

    /**
     * Appends a batch in order. The list belongs to the caller and is reused after this returns:
     * do not keep it.
     */
    void append(List<DslEvent> batch) throws IOException;

    /** Makes everything appended so far durable as the store defines it (written to the OS, synced, committed). */
    void flush() throws IOException;

    /** Flushes, then releases the store's resources. Called once; the store is not used afterwards. */
    @Override
    void close() throws IOException;

    /** One line for health output: the store's kind and where it writes, such as {@code jsonl /var/log/events.jsonl}. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
