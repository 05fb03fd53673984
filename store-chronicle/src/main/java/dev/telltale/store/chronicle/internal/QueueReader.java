package dev.telltale.store.chronicle.internal;

import dev.telltale.api.EventClock;
import dev.telltale.store.chronicle.EventLogException;
import dev.telltale.store.chronicle.Position;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * Chronicle Queue behind the reader: a read-only view of one queue directory, and tailers positioned
 * as a {@link Position} says. Writers, here or in other processes, may append while it reads.
 *
 * <p>Threading: {@link #cursor} from any thread; each cursor is used by one thread at a time.
 */
public final class QueueReader implements Closeable {

    /**
     * How far before a time a time search starts: {@value} ms. An event is written after it happens,
     * so its cycle is never before its timestamp's; this covers clocks that disagree a little.
     */
    static final long CLOCK_SKEW_MILLIS = 60_000;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final CycleFiles files;

    private QueueReader(Path dir, SingleChronicleQueue queue) {
        this.dir = dir;
        this.queue = queue;
        this.files = new CycleFiles(dir, queue.rollCycle(), queue.epoch());
    }

    /**
     * Opens the queue in {@code dir} read-only.
     *
     * @throws EventLogException if {@code dir} is missing, holds no cycle files, or Chronicle cannot open it
     */
    public static QueueReader open(Path dir) throws EventLogException {
        List<Path> cycleFiles;
        try {
            cycleFiles = CycleFiles.list(dir);
        } catch (IOException e) {
            throw new EventLogException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
        if (cycleFiles.isEmpty()) {
            throw new EventLogException(dir + ": not a Telltale event directory (no Chronicle queue files)");
        }
        SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true);
        // Naming the queue's own roll cycle spares Chronicle's warning that it overrides the default one.
        rollCycleOf(cycleFiles).ifPresent(builder::rollCycle);
        try {
            return new QueueReader(dir, builder.build());
        } catch (Exception e) {
            throw new EventLogException(dir + ": cannot open the Chronicle queue: " + e.getMessage(), e);
        }
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /**
     * A cursor at {@code from}.
     *
     * @param name the reader's name, whose position {@code positions} keeps; {@code null} for an anonymous cursor
     */
    public TailerCursor cursor(Position from, String name, ReaderPositions positions) throws EventLogException {
        ExcerptTailer tailer;
        try {
            tailer = queue.createTailer();
        } catch (Exception | InternalError e) {
            // A tailer opens the first cycle file at once: that is the one that failed.
            throw new EventLogException(firstCycleFileOr(dir) + ": cannot read the Chronicle queue: " + e, e);
        }
        TailerPositioner positioner = new TailerPositioner(queue, tailer);
        try {
            long skipBefore = Long.MIN_VALUE;
            long start;
            if (from instanceof Position.Start) {
                start = positioner.toStart();
            } else if (from instanceof Position.End) {
                start = positioner.toEnd();
            } else if (from instanceof Position.AtIndex atIndex) {
                start = positioner.toFirstAtOrAfter(atIndex.index());
            } else {
                Instant time = ((Position.AtTime) from).time();
                skipBefore = epochNanosClamped(time);
                start = positioner.toFirstAtOrAfter(firstIndexWorthScanning(time));
            }
            return new TailerCursor(tailer, files, start, skipBefore, name, positions);
        } catch (Exception | InternalError e) {
            // Chronicle's undeclared checked exceptions and mapped-memory faults too: see TailerCursor.
            tailer.close();
            int cycle = positioner.cycleEntered();
            Path where = cycle == TailerPositioner.NO_CYCLE ? dir : files.fileOf(cycle);
            throw new EventLogException(where + ": cannot position a reader at " + from + ": " + e, e);
        }
    }

    /** Closes the queue and every tailer it made. Idempotent. */
    @Override
    public void close() {
        queue.close();
    }

    private long firstIndexWorthScanning(Instant time) {
        long cycle = files.cycleAt(clampedMillis(time) - CLOCK_SKEW_MILLIS);
        if (cycle <= 0) {
            return 0;
        }
        return queue.rollCycle().toIndex((int) Math.min(cycle, queue.lastCycle() + 1L), 0);
    }

    private static long clampedMillis(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
    }

    private static long epochNanosClamped(Instant time) {
        try {
            return EventClock.toEpochNanos(time);
        } catch (ArithmeticException e) {
            return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private Path firstCycleFileOr(Path fallback) {
        try {
            Path first = files.fileOf(queue.firstCycle());
            return Files.exists(first) ? first : fallback;
        } catch (RuntimeException e) {
            // Only names the file in a message about an earlier failure; that failure is what is thrown.
            return fallback;
        }
    }

    private static Optional<RollCycle> rollCycleOf(List<Path> cycleFiles) {
        for (Path file : cycleFiles) {
            Optional<RollCycle> rollCycle = CycleFiles.rollCycleOfFile(file.getFileName().toString());
            if (rollCycle.isPresent()) {
                return rollCycle;
            }
        }
        return Optional.empty();
    }
}
