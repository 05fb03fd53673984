package dev.telltale.store.chronicle.internal;

import dev.telltale.api.EventClock;
import dev.telltale.api.source.EventSourceException;
import dev.telltale.api.source.Position;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
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

    /**
     * How long Chronicle waits for a cycle file's header before it gives up: {@value} ms. A writer
     * writes the header as it creates the file, so a header missing for longer is damage, and a reader
     * must say so in seconds, not after Chronicle's default of twenty.
     */
    static final long HEADER_TIMEOUT_MILLIS = 500;

    /** {@link #jumpTarget} when the tailer is to go on as it is. */
    static final int NO_JUMP = Integer.MIN_VALUE;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final CycleFiles files;
    /** Damaged cycles this reader was told to skip, by cycle; empty when there are none. */
    private final NavigableMap<Integer, Path> damaged;

    private QueueReader(Path dir, SingleChronicleQueue queue, NavigableMap<Integer, Path> damaged) {
        this.dir = dir;
        this.queue = queue;
        this.files = new CycleFiles(dir, queue.rollCycle(), queue.epoch());
        this.damaged = damaged;
    }

    /**
     * Opens the queue in {@code dir} read-only. Every cycle file's header is checked first (see
     * {@link CycleFiles#damage}): a damaged one is refused, naming it, unless {@code skipDamaged}, and
     * then cursors step over it ({@link #damagedFiles()} lists what they skip).
     *
     * @throws EventSourceException if {@code dir} is missing, holds no cycle files, a cycle file is damaged
     *     and not to be skipped, or Chronicle cannot open it
     */
    public static QueueReader open(Path dir, boolean skipDamaged) throws EventSourceException {
        CycleFiles.Survey survey;
        try {
            survey = CycleFiles.survey(dir);
        } catch (IOException e) {
            throw new EventSourceException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
        if (survey.files().isEmpty()) {
            throw new EventSourceException(dir + ": not a Telltale event directory (no Chronicle queue files)");
        }
        Map<Path, String> damage = survey.damaged();
        if (!damage.isEmpty() && !skipDamaged) {
            Map.Entry<Path, String> first = damage.entrySet().iterator().next();
            throw new EventSourceException(first.getKey() + ": damaged cycle file: " + first.getValue() + "; "
                    + damage.size() + " of " + survey.files().size()
                    + " cycle files are damaged, and nothing after one can "
                    + "be read in order (--skip-damaged reads past them)");
        }
        SingleChronicleQueueBuilder builder =
                SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).timeoutMS(HEADER_TIMEOUT_MILLIS);
        // Naming the queue's own roll cycle spares Chronicle's warning that it overrides the default one.
        survey.rollCycle().ifPresent(builder::rollCycle);
        SingleChronicleQueue queue;
        try {
            queue = builder.build();
        } catch (Exception e) {
            throw new EventSourceException(dir + ": cannot open the Chronicle queue: " + e.getMessage(), e);
        }
        CycleFiles files = new CycleFiles(dir, queue.rollCycle(), queue.epoch());
        NavigableMap<Integer, Path> damagedCycles = new TreeMap<>();
        for (Path file : damage.keySet()) {
            // From the name: a crash can leave Chronicle's own listing without the damaged file.
            files.cycleOf(file).ifPresent(cycle -> damagedCycles.put(cycle, file));
        }
        return new QueueReader(dir, queue, damagedCycles);
    }

    /** The damaged cycle files this reader's cursors skip, oldest first; empty when none is. */
    public List<Path> damagedFiles() {
        return List.copyOf(damaged.values());
    }

    /**
     * Where a tailer that found nothing more in {@code cycle} (or failed entering the next cycle) must
     * go on: the start of the next good cycle when only damaged cycles lie between; {@link #AT_END}
     * when only damaged cycles follow; else {@link #NO_JUMP} (it rolls over by itself, or is at the end).
     */
    int jumpTarget(int cycle) {
        if (damaged.isEmpty()) {
            return NO_JUMP;
        }
        boolean skipped = false;
        for (int next : presentCycles().tailSet(cycle, false)) {
            if (!damaged.containsKey(next)) {
                return skipped ? next : NO_JUMP;
            }
            skipped = true;
        }
        return skipped ? AT_END : NO_JUMP;
    }

    /** The cycles that have a file now, from the file names; empty if the directory cannot be listed. */
    private NavigableSet<Integer> presentCycles() {
        try {
            return files.present();
        } catch (IOException e) {
            return new TreeSet<>();
        }
    }

    /** {@link #jumpTarget} when nothing but damaged cycles follow. */
    static final int AT_END = Integer.MAX_VALUE;

    /** The newest cycle with a file that is not skipped as damaged, or {@link #NO_JUMP}. */
    int lastGoodCycle() {
        for (int cycle : presentCycles().descendingSet()) {
            if (!damaged.containsKey(cycle)) {
                return cycle;
            }
        }
        return NO_JUMP;
    }

    /** The cycle of a Chronicle index. */
    int cycleOf(long index) {
        return queue.rollCycle().toCycle(index);
    }

    /** The Chronicle index of the first event of {@code cycle}. */
    long firstIndexOf(int cycle) {
        return queue.rollCycle().toIndex(cycle, 0);
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
    public TailerCursor cursor(Position from, String name, ReaderPositions positions) throws EventSourceException {
        ExcerptTailer tailer;
        try {
            tailer = queue.createTailer();
        } catch (Exception | InternalError e) {
            // A tailer opens the first cycle file at once: that is the one that failed.
            throw new EventSourceException(firstCycleFileOr(dir) + ": cannot read the Chronicle queue: " + e, e);
        }
        TailerPositioner positioner = new TailerPositioner(queue, tailer);
        try {
            long skipBefore = Long.MIN_VALUE;
            long start;
            NavigableSet<Integer> present = presentCycles();
            if (!damaged.isEmpty() && firstGoodCycle() == NO_JUMP) {
                // Nothing but damaged cycle files, all skipped: nothing to read.
                return new TailerCursor(tailer, files, 0, skipBefore, name, positions, this, false).exhausted();
            } else if (from instanceof Position.Start && !present.isEmpty() && damaged.containsKey(present.first())) {
                start = positioner.toFirstAtOrAfter(firstIndexOf(firstGoodCycle()));
            } else if (from instanceof Position.Start) {
                start = positioner.toStart();
            } else if (from instanceof Position.End && !present.isEmpty() && damaged.containsKey(present.last())) {
                // Chronicle cannot find the end of a damaged file: the end is that of the last good one.
                TailerCursor atLastGood = new TailerCursor(
                        tailer,
                        files,
                        positioner.toFirstAtOrAfter(firstIndexOf(lastGoodCycle())),
                        skipBefore,
                        name,
                        positions,
                        this,
                        false);
                atLastGood.skipToEnd();
                return atLastGood;
            } else if (from instanceof Position.End) {
                start = positioner.toEnd();
            } else if (from instanceof Position.AtIndex atIndex) {
                start = positioner.toFirstAtOrAfter(atIndex.index());
            } else {
                Instant time = ((Position.AtTime) from).time();
                skipBefore = epochNanosClamped(time);
                start = positioner.toFirstAtOrAfter(firstIndexWorthScanning(time));
            }
            return new TailerCursor(tailer, files, start, skipBefore, name, positions, this, false);
        } catch (Exception | InternalError e) {
            // Chronicle's undeclared checked exceptions and mapped-memory faults too: see TailerCursor.
            tailer.close();
            int cycle = positioner.cycleEntered();
            Path where = cycle == TailerPositioner.NO_CYCLE ? dir : files.fileOf(cycle);
            throw new EventSourceException(where + ": cannot position a reader at " + from + ": " + e, e);
        }
    }

    /**
     * A cursor that reads the newest event first, then older ones, to the oldest: what {@code tail -n}
     * needs, at a cost that does not grow with the size of the queue. It does not step over damaged
     * cycle files; one stops it with an error naming the file.
     */
    public TailerCursor newestFirst(ReaderPositions positions) throws EventSourceException {
        ExcerptTailer tailer;
        try {
            tailer = queue.createTailer();
        } catch (Exception | InternalError e) {
            throw new EventSourceException(firstCycleFileOr(dir) + ": cannot read the Chronicle queue: " + e, e);
        }
        try {
            queue.refreshDirectoryListing();
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            return new TailerCursor(tailer, files, tailer.index(), Long.MIN_VALUE, null, positions, this, true);
        } catch (Exception | InternalError e) {
            tailer.close();
            throw new EventSourceException(
                    files.fileOf(queue.lastCycle()) + ": cannot read the newest events: " + e, e);
        }
    }

    private int firstGoodCycle() {
        for (int cycle : presentCycles()) {
            if (!damaged.containsKey(cycle)) {
                return cycle;
            }
        }
        return NO_JUMP;
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
}
