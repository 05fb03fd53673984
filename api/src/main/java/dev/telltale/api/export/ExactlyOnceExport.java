package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The one export engine: reads an {@link EventSource} from where the sink's last checkpoint says,
 * hands the events to the sink in batches, each committed with its checkpoint. Every export (JSON
 * Lines, PostgreSQL) is this engine with another {@link ExportSink}; the command line only parses
 * options.
 *
 * <pre>{@code
 * try (EventSource events = EventSources.open(dir, SourceOptions.defaults())) {
 *     ExactlyOnceExport.Result result = ExactlyOnceExport.builder()
 *             .source(events, "nightly", new Position.Start())
 *             .sink(sink)
 *             .run();
 * }
 * }</pre>
 *
 * <p>Exactly once: the source is opened just after the checkpoint's position, and nothing is written
 * except together with a checkpoint; a run interrupted at any moment, {@code kill -9} included, and
 * run again, adds no event twice and leaves none out. One thread; the sink closes when the run ends.
 *
 * <p>A {@linkplain Builder#follow following} export does not end at the end of the source: whenever it
 * has read all there is, it commits what it read and waits for more, until it is asked to stop; then it
 * commits what it read and returns.
 */
public final class ExactlyOnceExport {

    /** Events per batch and checkpoint unless told otherwise: {@value}. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /** The longest wait of a following export between two looks at a source with nothing new. */
    static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Opens the source just after a position ({@link ExportCheckpoint#NOTHING_YET}: at its configured start). */
    @FunctionalInterface
    public interface SourceOpener {
        EventCursor openAfter(long lastPosition) throws IOException;
    }

    /** Where an export stops: before the first event for which this is true. */
    @FunctionalInterface
    public interface Limit {
        boolean reached(long position, DslEvent event);

        /** No limit: to the end of the source. */
        Limit NONE = (position, event) -> false;

        /**
         * Before {@code until}: the first event at or after its position ({@link Position.AtIndex}) or
         * time ({@link Position.AtTime}); {@link Position.End} is no limit.
         *
         * @throws IllegalArgumentException for {@link Position.Start}, which would export nothing
         */
        static Limit before(Position until) {
            if (until instanceof Position.AtIndex index) {
                return (position, event) -> position >= index.index();
            }
            if (until instanceof Position.AtTime time) {
                return (position, event) -> !event.timestamp().isBefore(time.time());
            }
            if (until instanceof Position.End) {
                return NONE;
            }
            throw new IllegalArgumentException("an export cannot stop before " + until);
        }
    }

    /**
     * What a run did.
     *
     * @param exported events this run wrote
     * @param exportedInAll events the export's runs have written, this one included
     * @param resumed whether this run continued from a checkpoint
     */
    public record Result(long exported, long exportedInAll, boolean resumed) {}

    private final SourceOpener source;
    private final ExportSink sink;
    private final Limit limit;
    private final int batchSize;
    private final LongConsumer progress;
    private final BooleanSupplier stop;

    private ExactlyOnceExport(Builder builder) {
        this.source = Objects.requireNonNull(builder.source, "source");
        this.sink = Objects.requireNonNull(builder.sink, "sink");
        this.limit = builder.limit;
        this.batchSize = builder.batchSize;
        this.progress = builder.progress;
        this.stop = builder.stop;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the export to the end of the source (or the limit), then closes the sink.
     *
     * @throws IOException from the source or the sink, naming the file or database; what was committed
     *     before stays, and a rerun continues from there
     */
    public Result run() throws IOException {
        try (ExportSink output = sink) {
            ExportCheckpoint checkpoint = output.resume();
            long exported = 0;
            List<DslEvent> batch = new ArrayList<>(Math.min(batchSize, 1 << 16));
            // The source positions of the batch's events, for sinks that key rows by position.
            long[] positions = new long[Math.min(batchSize, 1 << 16)];
            try (EventCursor cursor = source.openAfter(checkpoint.lastPosition())) {
                long lastPosition = checkpoint.lastPosition();
                long idle = 0;
                RecordedEvent next = cursor.next();
                while (true) {
                    if (next == null) {
                        if (stop == null) {
                            break;
                        }
                        // Following and caught up: what was read is committed before waiting for more.
                        if (!batch.isEmpty()) {
                            exported += commit(output, cursor, batch, positions, checkpoint, exported, lastPosition);
                        }
                        if (stopRequested()) {
                            break;
                        }
                        idle = Math.min(Math.max(idle * 2, 100_000), MAX_IDLE_NANOS);
                        LockSupport.parkNanos(idle);
                        next = cursor.next();
                        continue;
                    }
                    if (limit.reached(next.position(), next.event())) {
                        break;
                    }
                    idle = 0;
                    lastPosition = next.position();
                    if (batch.size() == positions.length) {
                        positions = Arrays.copyOf(positions, positions.length * 2);
                    }
                    positions[batch.size()] = lastPosition;
                    batch.add(next.event());
                    if (batch.size() == batchSize) {
                        exported += commit(output, cursor, batch, positions, checkpoint, exported, lastPosition);
                    }
                    if (stop != null && stopRequested()) {
                        break;
                    }
                    next = cursor.next();
                }
                exported += commit(output, cursor, batch, positions, checkpoint, exported, lastPosition);
                if (next == null && stop == null) {
                    // After the commit: what was read is kept, and a rerun continues from there.
                    cursor.requireAtEnd();
                }
            }
            return new Result(exported, checkpoint.exported() + exported, checkpoint.hasPosition());
        }
    }

    /** Whether the follower was asked to stop (or its thread interrupted, which stops it too). */
    private boolean stopRequested() {
        return stop.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Commits the batch with the checkpoint after {@code lastPosition}; returns the batch's size. */
    private long commit(
            ExportSink output,
            EventCursor cursor,
            List<DslEvent> batch,
            long[] positions,
            ExportCheckpoint resumedAt,
            long exportedBefore,
            long lastPosition)
            throws IOException {
        int size = batch.size();
        ExportCheckpoint checkpoint = new ExportCheckpoint(lastPosition, resumedAt.exported() + exportedBefore + size);
        output.write(batch, positions, checkpoint);
        batch.clear();
        cursor.commit();
        progress.accept(checkpoint.exported());
        return size;
    }

    /** Sets up an export. One thread. */
    public static final class Builder {
        private SourceOpener source;
        private ExportSink sink;
        private Limit limit = Limit.NONE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private LongConsumer progress = exported -> {};
        private BooleanSupplier stop;

        private Builder() {}

        /** Where to read: a cursor just after a position. */
        public Builder source(SourceOpener source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Reads {@code events} ({@link EventSource#exportCursor}): a first run at {@code ifNothingYet},
         * a later one just after its checkpoint; the source keeps its position under {@code name}, if it
         * keeps readers' positions.
         *
         * @param name the export's name, or {@code null} for an export that is not resumable
         */
        public Builder source(EventSource events, String name, Position ifNothingYet) {
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(ifNothingYet, "ifNothingYet");
            return source(after -> after == ExportCheckpoint.NOTHING_YET
                    ? events.exportCursor(name, ifNothingYet, true, stop != null)
                    : events.exportCursor(name, new Position.AtIndex(after + 1), false, stop != null));
        }

        /** Where to write; closed when the run ends. */
        public Builder sink(ExportSink sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Where to stop; default {@link Limit#NONE}. */
        public Builder limit(Limit limit) {
            this.limit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Events per batch, each committed with a checkpoint; default {@value #DEFAULT_BATCH_SIZE}.
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Told the number of events exported in all after each commit; for a progress display. */
        public Builder progress(LongConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Follows the source: the export does not end at the source's end but commits what it read and
         * waits for more (looking again within 50 ms), until {@code stop} returns true or the thread is
         * interrupted (checked after each event and while waiting); then commits what it read and
         * returns. The source is read through a following cursor
         * ({@link EventSource#exportCursor(String, Position, boolean, boolean)}).
         */
        public Builder follow(BooleanSupplier stop) {
            this.stop = Objects.requireNonNull(stop, "stop");
            return this;
        }

        public ExactlyOnceExport build() {
            return new ExactlyOnceExport(this);
        }

        /** {@code build().run()}. */
        public Result run() throws IOException {
            return build().run();
        }
    }
}
