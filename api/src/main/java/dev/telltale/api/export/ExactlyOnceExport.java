package dev.telltale.api.export;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * The one export engine: reads a source from where the sink's last checkpoint says, hands the events
 * to the sink in batches, each committed with its checkpoint. Every export (JSON Lines, PostgreSQL)
 * is this engine with another {@link ExportSink}; the command line only parses options.
 *
 * <pre>{@code
 * ExactlyOnceExport.Result result = ExactlyOnceExport.builder()
 *         .source(after -> log.exportCursor("nightly", new Position.Start(), after))
 *         .sink(JsonlExportSink.resumable(file, "nightly"))
 *         .run();
 * }</pre>
 *
 * <p>Exactly once: the source is opened just after the checkpoint's position, and nothing is written
 * except together with a checkpoint; a run interrupted at any moment, {@code kill -9} included, and
 * run again, adds no event twice and leaves none out. One thread; the sink closes when the run ends.
 */
public final class ExactlyOnceExport {

    /** Events per batch and checkpoint unless told otherwise: {@value}. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /** Opens the source just after a position ({@link ExportCheckpoint#NOTHING_YET}: at its configured start). */
    @FunctionalInterface
    public interface SourceOpener {
        ExportCursor openAfter(long lastPosition) throws IOException;
    }

    /** Where an export stops: before the first event for which this is true. */
    @FunctionalInterface
    public interface Limit {
        boolean reached(long position, DslEvent event);

        /** No limit: to the end of the source. */
        Limit NONE = (position, event) -> false;
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

    private ExactlyOnceExport(Builder builder) {
        this.source = Objects.requireNonNull(builder.source, "source");
        this.sink = Objects.requireNonNull(builder.sink, "sink");
        this.limit = builder.limit;
        this.batchSize = builder.batchSize;
        this.progress = builder.progress;
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
            try (ExportCursor cursor = source.openAfter(checkpoint.lastPosition())) {
                long lastPosition = checkpoint.lastPosition();
                DslEvent event = cursor.next();
                for (; event != null && !limit.reached(cursor.position(), event); event = cursor.next()) {
                    lastPosition = cursor.position();
                    if (batch.size() == positions.length) {
                        positions = Arrays.copyOf(positions, positions.length * 2);
                    }
                    positions[batch.size()] = lastPosition;
                    batch.add(event);
                    if (batch.size() == batchSize) {
                        exported += commit(
                                output,
                                cursor,
                                batch,
                                positions,
                                new ExportCheckpoint(lastPosition, checkpoint.exported() + exported + batch.size()));
                    }
                }
                exported += commit(
                        output,
                        cursor,
                        batch,
                        positions,
                        new ExportCheckpoint(lastPosition, checkpoint.exported() + exported + batch.size()));
                if (event == null) {
                    // After the commit: what was read is kept, and a rerun continues from there.
                    cursor.requireAtEnd();
                }
            }
            return new Result(exported, checkpoint.exported() + exported, checkpoint.hasPosition());
        }
    }

    private long commit(
            ExportSink output, ExportCursor cursor, List<DslEvent> batch, long[] positions, ExportCheckpoint checkpoint)
            throws IOException {
        int size = batch.size();
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

        private Builder() {}

        /** Where to read. */
        public Builder source(SourceOpener source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
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

        public ExactlyOnceExport build() {
            return new ExactlyOnceExport(this);
        }

        /** {@code build().run()}. */
        public Result run() throws IOException {
            return build().run();
        }
    }
}
