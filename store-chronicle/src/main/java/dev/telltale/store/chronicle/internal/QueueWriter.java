package dev.telltale.store.chronicle.internal;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.FileAccess;
import dev.telltale.api.store.StoreAppendException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.RandomAccess;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
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
    private final ReadAhead readAhead;
    private final EncodedTextCache texts = new EncodedTextCache(EncodedTextCache.DEFAULT_SLOTS);
    /**
     * The largest document Chronicle takes: a quarter of its block (16 MiB with the default 64 MiB
     * block). Past it a bulk write fails and a byte-by-byte one may run off the mapped block.
     */
    private final long maxDocumentBytes;
    /** The directory, for its free space and existence: {@code java.io.File}'s calls allocate nothing. */
    private final java.io.File space;

    private ExcerptAppender appender;
    private int retainedAtCycle = Integer.MIN_VALUE;
    private int cycleFileCycle = Integer.MIN_VALUE;
    private java.io.File cycleFile;
    private boolean vanished;
    private boolean closed;

    /** Free space kept beyond what a batch needs: {@value} bytes (Chronicle's own metadata, a new cycle file's header). */
    static final long HEADROOM_BYTES = 1 << 20;
    /**
     * Space reserved per event of a batch: {@value} bytes, more than an event with a 500-character
     * message takes; a session entry's texts (up to 3 MiB) are reserved besides.
     */
    static final long BYTES_PER_EVENT_RESERVED = 2048;

    private QueueWriter(Path dir, SingleChronicleQueue queue, Retention retention, boolean pretouch) {
        this.dir = dir;
        this.queue = queue;
        this.files = new CycleFiles(dir, queue.rollCycle(), queue.epoch());
        this.retention = retention;
        this.readers = new ReaderPositions(dir);
        this.readAhead = pretouch ? new ReadAhead("telltale-read-ahead") : null;
        this.space = dir.toFile();
        this.maxDocumentBytes = queue.overlapSize();
    }

    /**
     * Opens the queue in {@code dir}, creating the directory and the queue if missing. An existing
     * queue keeps the roll cycle it was created with (Chronicle logs a warning if {@code rollCycle}
     * differs).
     *
     * @param blockSize Chronicle's mapping block size in bytes, or 0 for its default (64 MiB); a
     *     document may take a quarter of it, so below {@code 4 * EventLayout.MAX_EVENT_BYTES} the
     *     largest session entries cannot be appended
     * @param clockMillis the clock that picks the cycle, in milliseconds since the epoch; {@code null}
     *     for the system clock
     */
    public static QueueWriter open(
            Path dir,
            RollCycle rollCycle,
            Retention retention,
            boolean pretouch,
            long blockSize,
            LongSupplier clockMillis,
            FileAccess access)
            throws IOException {
        Path absolute = dir.toAbsolutePath();
        access.createOwnDirectory(absolute);
        setAsideUnfinishedMetadata(absolute);
        // Chronicle creates its files under the umask; in a directory of the store's own (0700) nobody
        // else can reach them meanwhile, and each is given the store's access as Chronicle takes it up.
        SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.single(absolute.toFile())
                .rollCycle(rollCycle)
                .storeFileListener(new Restricting(access));
        if (blockSize > 0) {
            builder.blockSize(blockSize);
        }
        if (clockMillis != null) {
            builder.timeProvider(clockMillis::getAsLong);
        }
        try {
            QueueWriter writer = new QueueWriter(absolute, builder.build(), retention, pretouch);
            access.restrict(absolute.resolve(METADATA_FILE));
            return writer;
        } catch (RuntimeException e) {
            throw new IOException(absolute + ": cannot open the Chronicle queue: " + e.getMessage(), e);
        }
    }

    /** Gives each cycle file Chronicle takes up the store's access. */
    private static final class Restricting implements StoreFileListener {
        private final FileAccess access;

        Restricting(FileAccess access) {
            this.access = access;
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public void onAcquired(int cycle, java.io.File file) {
            try {
                access.restrict(file.toPath());
            } catch (IOException | RuntimeException cannot) {
                // Still in a directory only the owner can enter, when Telltale made it.
            }
        }

        @Override
        public void onReleased(int cycle, java.io.File file) {
            // Nothing to do.
        }
    }

    /** Chronicle's metadata file in a queue directory: {@value}. */
    static final String METADATA_FILE = "metadata.cq4t";

    /** How long a metadata file's unfinished header is given to be finished by a live writer: {@value} ms. */
    static final long METADATA_GRACE_MILLIS = 1_000;

    /**
     * A writer killed while Chronicle created the metadata file leaves its header unfinished, and then
     * Chronicle's next open waits on it for ever. A live writer finishes the header within
     * microseconds; one still unfinished after {@value #METADATA_GRACE_MILLIS} ms was left by a crash,
     * so it is renamed ({@code metadata.cq4t.MILLIS.unfinished}) and Chronicle makes a new one (it
     * holds the directory listing, rebuilt from the cycle files, and locks).
     */
    static void setAsideUnfinishedMetadata(Path dir) throws IOException {
        Path metadata = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(metadata) || CycleFiles.damage(metadata).isEmpty()) {
            return;
        }
        try {
            Thread.sleep(METADATA_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        java.util.Optional<String> damage = CycleFiles.damage(metadata);
        if (damage.isPresent()) {
            Path aside = dir.resolve(METADATA_FILE + "." + System.currentTimeMillis() + ".unfinished");
            Files.move(metadata, aside);
            LOG.warn(
                    "Telltale: {} was left unfinished by a crash ({}); moved it to {} and started a new one",
                    metadata,
                    damage.get(),
                    aside.getFileName());
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

    /**
     * Appends each event as one document, in order. Drain thread only.
     *
     * <p>Before writing, checks that the file system has room for the batch and some headroom: a
     * write into a memory-mapped page that the file system cannot back kills the write with a
     * {@code SIGBUS} (an {@link InternalError}) in the middle of Chronicle's locked section, which
     * leaves the queue's write lock held. Refusing the batch here, before any byte is written, keeps
     * the queue usable, and appends resume by themselves once space is freed. After writing, checks
     * that the cycle file is still there: events written into a file that was deleted under the
     * process are not persisted, whatever the write said.
     *
     * @throws StoreAppendException when the batch could not be written, or only in part (saying how
     *     much), or the queue's file vanished (then {@link #vanished()} is {@code true})
     */
    public void append(List<DslEvent> batch) throws IOException {
        requireOpen();
        if (batch.isEmpty()) {
            return;
        }
        requireSpaceFor(batch);
        int written = 0;
        try {
            ExcerptAppender events = appender();
            if (batch instanceof RandomAccess) {
                for (int size = batch.size(); written < size; written++) {
                    write(events, batch.get(written));
                }
            } else {
                for (DslEvent event : batch) {
                    write(events, event);
                    written++;
                }
            }
        } catch (RuntimeException | Error e) {
            throw new StoreAppendException(
                    "chronicle " + dir + ": append failed after " + written + " of " + batch.size() + " events: " + e,
                    written,
                    e);
        }
        requireCycleFile(written);
        if (readAhead != null) {
            publishWritePosition();
        }
    }

    /** Tells the read-ahead thread where the appender writes now. */
    private void publishWritePosition() {
        Wire wire = appender == null ? null : appender.wire();
        if (wire != null) {
            readAhead.wrote(cycleFile, wire.bytes().writePosition());
        }
    }

    /** Whether the queue's directory or cycle file was found deleted; the writer is of no more use then. */
    public boolean vanished() {
        return vanished;
    }

    /**
     * The free space a batch needs: the headroom, {@value #BYTES_PER_EVENT_RESERVED} bytes per event,
     * and the most its session entries' texts can take. Allocates nothing for a random-access list.
     */
    static long bytesNeeded(List<DslEvent> batch) {
        int events = batch.size();
        long needed = HEADROOM_BYTES + (long) events * BYTES_PER_EVENT_RESERVED;
        if (batch instanceof RandomAccess) {
            for (int i = 0; i < events; i++) {
                needed += EventLayout.entryTextBytes(batch.get(i));
            }
        } else {
            for (DslEvent event : batch) {
                needed += EventLayout.entryTextBytes(event);
            }
        }
        return needed;
    }

    /** Refuses a batch the file system may not have room for; see {@link #append}. */
    private void requireSpaceFor(List<DslEvent> batch) throws IOException {
        int events = batch.size();
        long needed = bytesNeeded(batch);
        long usable = space.getUsableSpace();
        if (usable < needed) {
            if (!space.isDirectory()) {
                vanished = true;
                throw new StoreAppendException(
                        "chronicle " + dir + ": the queue directory was deleted under this "
                                + "process; nothing written, and the queue is created again",
                        0,
                        null);
            }
            throw new StoreAppendException(
                    String.format(
                            Locale.ROOT,
                            "chronicle %s: no space left on the file system (%,d bytes free, need %,d for %d events and "
                                    + "headroom); nothing written",
                            dir,
                            usable,
                            needed,
                            events),
                    0,
                    null);
        }
    }

    private void requireCycleFile(int written) throws IOException {
        int cycle = appender.cycle();
        if (cycle != cycleFileCycle) {
            cycleFileCycle = cycle;
            cycleFile = files.fileOf(cycle).toFile();
        }
        if (!cycleFile.exists()) {
            vanished = true;
            throw new StoreAppendException(
                    "chronicle " + dir + ": the queue file " + cycleFile
                            + " was deleted under this process; the " + written
                            + " events just written to it are lost, "
                            + "and the queue is created again",
                    0,
                    null);
        }
    }

    /** Touches the pages ahead if asked to, and applies retention if the cycle changed. Drain thread only. */
    public void flush() throws IOException {
        requireOpen();
        applyRetention();
    }

    /** Closes the appender and the queue. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (readAhead != null) {
            readAhead.close();
        }
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
        long textBytes = EventLayout.entryTextBytes(event);
        if (textBytes > maxDocumentBytes - BYTES_PER_EVENT_RESERVED) {
            throw new IllegalArgumentException("a session entry of up to " + textBytes
                    + " bytes of text does not fit a " + "Chronicle document of this queue (at most " + maxDocumentBytes
                    + " bytes, a quarter of its block)");
        }
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
