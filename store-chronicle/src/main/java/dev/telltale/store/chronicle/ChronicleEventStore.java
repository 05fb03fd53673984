package dev.telltale.store.chronicle;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.FileAccess;
import dev.telltale.store.chronicle.internal.CycleFiles;
import dev.telltale.store.chronicle.internal.QueueWriter;
import dev.telltale.store.chronicle.internal.Retention;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Appends events to a Chronicle Queue: a directory of memory-mapped cycle files, one document per
 * event (see the {@linkplain dev.telltale.store.chronicle package} for the layout). Read them back with
 * {@link EventLog}, in this process or another, while this store writes.
 *
 * <p>Threading: only the drain thread calls {@link #append} and {@link #flush}; the store does no
 * locking. It may be opened on another thread, and closed on any thread once the drain no longer uses
 * it. Other stores, in this process or others, may append to the same directory at the same time.
 *
 * <p>Durability: once {@link #append} returns, the batch is in the operating system's page cache: a
 * reader sees it, and it survives the death of this JVM (not of the machine). A batch that fails
 * midway leaves the events before the failing one written (each event is its own document; the
 * failing one is rolled back).
 *
 * <p>With {@code pretouch}, a thread of its own reads the pages just ahead of the write position into
 * the page cache, so that appends do not pay for first touching a fresh page. {@link #flush} does the
 * housekeeping, on the drain thread: when the cycle has changed since it last looked, it deletes the
 * cycle files retention allows.
 * Retention never deletes the current cycle nor one a named reader ({@link EventLog#namedCursor}) has
 * not passed.
 */
public final class ChronicleEventStore implements EventStore {

    /** The roll cycle of a new queue unless told otherwise: {@value}, one file per hour. */
    public static final String DEFAULT_ROLL_CYCLE = "FAST_HOURLY";

    /** Whether the pages ahead are read in unless told otherwise: {@value}. */
    public static final boolean DEFAULT_PRETOUCH = true;

    private final Builder settings;
    private QueueWriter writer;

    private ChronicleEventStore(Builder settings, QueueWriter writer) {
        this.settings = settings;
        this.writer = writer;
    }

    /** A store for {@code dir} with every setting at its default. */
    public static ChronicleEventStore open(Path dir) throws IOException {
        return builder(dir).open();
    }

    /** Settings for a store that writes to the queue in {@code dir} (created if missing). */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** The queue directory, absolute. */
    public Path dir() {
        return writer.dir();
    }

    /**
     * Appends each event of the batch as one document, in order. Drain thread only. A batch the file
     * system has no room for is refused whole, before anything is written; a failure in the middle
     * says how many events were written ({@link dev.telltale.api.store.StoreAppendException}); a
     * queue whose directory or file was deleted under the process is created again by the next append.
     */
    @Override
    public void append(List<DslEvent> batch) throws IOException {
        if (writer.vanished()) {
            recreate();
        }
        writer.append(batch);
    }

    private void recreate() throws IOException {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            // The files it wrote are gone; closing it only releases its mappings.
        }
        writer = settings.openWriter();
    }

    /**
     * Applies retention if the cycle changed; appended events are already kept without a flush. Drain
     * thread only.
     */
    @Override
    public void flush() throws IOException {
        writer.flush();
    }

    /** Closes the queue. Idempotent. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** {@code chronicle}, the directory and the roll cycle, such as {@code chronicle /var/telltale (FAST_HOURLY)}. */
    @Override
    public String describe() {
        return "chronicle " + writer.dir() + " (" + writer.rollCycleName() + ")";
    }

    /** Deletes what retention allows now, whatever the cycle; for tests of retention. */
    List<Path> applyRetentionNow() throws IOException {
        return writer.applyRetentionNow();
    }

    /** How a {@link ChronicleEventStore} is set up. Not thread-safe; use it on one thread, then drop it. */
    public static final class Builder {

        private final Path dir;
        private String rollCycle = DEFAULT_ROLL_CYCLE;
        private int retainCycles;
        private Duration retainAge = Duration.ZERO;
        private boolean pretouch = DEFAULT_PRETOUCH;
        private FileAccess access = FileAccess.OWNER;
        private long blockSize;
        private LongSupplier clockMillis;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /**
         * The roll cycle of a new queue, by Chronicle's name: {@code FAST_HOURLY} (the default),
         * {@code FIVE_MINUTELY}, {@code FAST_DAILY}, … (any {@code RollCycles} constant, or one of its
         * large, sparse, legacy or test families). A queue that exists keeps its own.
         *
         * @throws IllegalArgumentException naming the value when no roll cycle has that name
         */
        public Builder rollCycle(String name) {
            CycleFiles.rollCycleNamed(name);
            this.rollCycle = name;
            return this;
        }

        /**
         * Keep only the newest {@code count} cycle files (besides what readers still need).
         *
         * @throws IllegalArgumentException unless {@code count} is positive
         */
        public Builder retainCycles(int count) {
            if (count <= 0) {
                throw new IllegalArgumentException("retainCycles must be positive, got " + count);
            }
            this.retainCycles = count;
            return this;
        }

        /**
         * Delete a cycle file once its cycle ended more than {@code age} ago (unless a reader still needs it).
         *
         * @throws IllegalArgumentException unless {@code age} is positive
         */
        public Builder retainAge(Duration age) {
            if (age == null || age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("retainAge must be positive, got " + age);
            }
            this.retainAge = age;
            return this;
        }

        /** Whether a thread reads the pages ahead of the write position into the page cache (default {@value ChronicleEventStore#DEFAULT_PRETOUCH}). */
        public Builder pretouch(boolean pretouch) {
            this.pretouch = pretouch;
            return this;
        }

        /**
         * Who may read the directory, the cycle files, the metadata and the reader positions (default
         * {@link FileAccess#OWNER}: {@code 0700} and {@code 0600}, whatever the umask). A directory that
         * exists is left as it is.
         */
        public Builder access(FileAccess access) {
            this.access = java.util.Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * Chronicle's mapping block size in bytes; small for small test queues. Chronicle takes a
         * document of at most a quarter of a block (of 256 KiB to 4 GiB): the default block, 64 MiB,
         * takes 16 MiB, and the largest event, a session entry of about 3 MiB
         * ({@link dev.telltale.store.chronicle.internal.EventLayout#MAX_EVENT_BYTES}), needs a block of
         * at least 13 MiB; in a smaller one its append fails.
         */
        Builder blockSize(long bytes) {
            this.blockSize = bytes;
            return this;
        }

        /**
         * The clock, in milliseconds since the epoch, that picks each append's cycle file; the system
         * clock unless told otherwise. For tests and tools that build a queue spanning several cycles.
         */
        public Builder clock(LongSupplier epochMillis) {
            this.clockMillis = epochMillis;
            return this;
        }

        /** Opens the store, creating the directory and the queue if missing. */
        public ChronicleEventStore open() throws IOException {
            JvmFlags.require();
            return new ChronicleEventStore(this, openWriter());
        }

        private QueueWriter openWriter() throws IOException {
            return QueueWriter.open(
                    dir,
                    CycleFiles.rollCycleNamed(rollCycle),
                    new Retention(retainCycles, retainAge),
                    pretouch,
                    blockSize,
                    clockMillis,
                    access);
        }
    }
}
