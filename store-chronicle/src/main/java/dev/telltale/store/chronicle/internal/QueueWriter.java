package dev.telltale.store.chronicle.internal;

import dev.telltale.api.DslEvent;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chronicle Queue behind the writer: one queue directory, one appender, one document per event in
 * {@link EventLayout}. Other processes (or other instances here) may append to the same directory at
 * the same time; Chronicle's write lock orders their documents.
 *
 * <p>Threading: {@link #open} on any thread. {@link #append} and {@link #flush} on one thread only, the
 * drain thread: the appender is created on the first append and belongs to that thread (Chronicle
 * checks this when assertions are on), and the page touching in {@code flush} must run where the
 * appends run. {@link #close} on that thread, or on any thread once it no longer appends.
 *
 * <p>Chronicle writes through memory-mapped files: once {@link #append} returns, the events are in
 * the operating system's page cache, visible to readers and safe from the death of this JVM.
 * {@link #flush} touches the pages ahead (when asked to) and applies retention when the cycle has
 * changed since it last did; neither is needed for what was appended to be kept.
 */
public final class QueueWriter implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWriter.class);

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final CycleFiles files;
    private final Retention retention;
    private final ReaderPositions readers;
    private final PageToucher toucher;
    private final EncodedTextCache texts = new EncodedTextCache(EncodedTextCache.DEFAULT_SLOTS);
    private ExcerptAppender appender;
    private int retainedAtCycle = Integer.MIN_VALUE;
    private boolean closed;

    private QueueWriter(Path dir, SingleChronicleQueue queue, Retention retention, boolean pretouch) {
        this.dir = dir;
        this.queue = queue;
        this.files = new CycleFiles(dir, queue.rollCycle(), queue.epoch());
        this.retention = retention;
        this.readers = new ReaderPositions(dir);
        this.toucher = pretouch ? new PageToucher() : null;
    }

    /**
     * Opens the queue in {@code dir}, creating the directory and the queue if missing. An existing
     * queue keeps the roll cycle it was created with (Chronicle logs a warning if {@code rollCycle}
     * differs).
     *
     * @param blockSize Chronicle's mapping block size in bytes, or 0 for its default (64 MiB)
     * @param clockMillis the clock that picks the cycle, in milliseconds since the epoch; {@code null}
     *     for the system clock
     */
    public static QueueWriter open(Path dir, RollCycle rollCycle, Retention retention, boolean pretouch,
            long blockSize, LongSupplier clockMillis) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute);
        SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.single(absolute.toFile()).rollCycle(rollCycle);
        if (blockSize > 0) {
            builder.blockSize(blockSize);
        }
        if (clockMillis != null) {
            builder.timeProvider(clockMillis::getAsLong);
        }
        try {
            return new QueueWriter(absolute, builder.build(), retention, pretouch);
        } catch (RuntimeException e) {
            throw new IOException(absolute + ": cannot open the Chronicle queue: " + e.getMessage(), e);
        }
    }

    /** The queue directory, absolute. */
    public Path dir() {
        return dir;
    }

    /** The queue's roll cycle, by name (an existing queue's own, whatever was asked for). */
    public String rollCycleName() {
        return CycleFiles.nameOf(queue.rollCycle());
    }

    /** Appends each event as one document, in order. Drain thread only. */
    public void append(List<DslEvent> batch) throws IOException {
        requireOpen();
        try {
            ExcerptAppender events = appender();
            if (batch instanceof RandomAccess) {
                for (int i = 0, size = batch.size(); i < size; i++) {
                    write(events, batch.get(i));
                }
            } else {
                for (DslEvent event : batch) {
                    write(events, event);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException("chronicle " + dir + ": append failed: " + e, e);
        }
    }

    /** Touches the pages ahead if asked to, and applies retention if the cycle changed. Drain thread only. */
    public void flush() throws IOException {
        requireOpen();
        try {
            if (toucher != null && appender != null) {
                toucher.touchAhead(appender);
            }
        } catch (RuntimeException e) {
            throw new IOException("chronicle " + dir + ": touching the pages ahead failed: " + e, e);
        }
        applyRetention();
    }

    /** Closes the appender and the queue. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (appender != null) {
                appender.close();
            }
        } catch (RuntimeException e) {
            throw new IOException("chronicle " + dir + ": closing the appender failed: " + e, e);
        } finally {
            queue.close();
        }
    }

    /**
     * Deletes what retention says, now, whatever the cycle. Returns the files deleted.
     *
     * @throws IOException if the reader positions cannot be read (then nothing is deleted) or a file
     *     cannot be deleted
     */
    public List<Path> applyRetentionNow() throws IOException {
        requireOpen();
        int current = queue.cycle();
        int oldestReaderCycle = Integer.MAX_VALUE;
        RollCycle rollCycle = queue.rollCycle();
        for (Map.Entry<String, Long> reader : readers.readAll().entrySet()) {
            oldestReaderCycle = Math.min(oldestReaderCycle, rollCycle.toCycle(reader.getValue()));
        }
        queue.refreshDirectoryListing();
        NavigableSet<Integer> present = new TreeSet<>();
        for (long cycle : queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle())) {
            present.add((int) cycle);
        }
        List<Integer> doomed = retention.cyclesToDelete(
                present, current, oldestReaderCycle, queue.time().currentTimeMillis(), files);
        List<Path> deleted = new java.util.ArrayList<>(doomed.size());
        for (int cycle : doomed) {
            Path file = files.fileOf(cycle);
            if (Files.deleteIfExists(file)) {
                deleted.add(file);
            }
        }
        if (!deleted.isEmpty()) {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    private void applyRetention() {
        if (!retention.deletesAnything()) {
            return;
        }
        int current = queue.cycle();
        if (current == retainedAtCycle) {
            return;
        }
        retainedAtCycle = current;
        try {
            applyRetentionNow();
        } catch (IOException | RuntimeException e) {
            // Runs again at the next cycle; meanwhile the files stay, which loses nothing.
            LOG.warn("Telltale: retention in {} stopped for this cycle: {}", dir, e.getMessage());
        }
    }

    private void write(ExcerptAppender events, DslEvent event) {
        try (DocumentContext document = events.writingDocument()) {
            try {
                EventLayout.write(document.wire().bytes(), event, texts);
            } catch (RuntimeException | Error e) {
                document.rollbackOnClose();
                throw e;
            }
        }
    }

    private ExcerptAppender appender() {
        if (appender == null) {
            appender = queue.createAppender();
        }
        return appender;
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("store is closed: chronicle " + dir);
        }
    }
}
