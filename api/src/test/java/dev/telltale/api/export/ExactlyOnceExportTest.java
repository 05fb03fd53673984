package dev.telltale.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.telltale.api.DslEvent;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine with an in-memory source and a sink that commits batch and checkpoint as one, and can fail. */
class ExactlyOnceExportTest {

    private static final List<DslEvent> SOURCE = new ArrayList<>();

    static {
        for (int i = 0; i < 95; i++) {
            SOURCE.add(DslEvent.succeeded(i, null, "v" + i, 1));
        }
    }

    /** Positions are list index * 10, to prove the engine does not assume consecutive positions. */
    private static class ListCursor implements EventCursor {
        private int next;
        int commits;

        ListCursor(long after) {
            this.next = after == ExportCheckpoint.NOTHING_YET ? 0 : (int) (after / 10) + 1;
        }

        @Override
        public RecordedEvent next() {
            if (next >= SOURCE.size()) {
                return null;
            }
            next++;
            return new RecordedEvent((next - 1) * 10L, SOURCE.get(next - 1));
        }

        @Override
        public long resumePosition() {
            return next * 10L;
        }

        @Override
        public void requireAtEnd() throws IOException {
            if (next < SOURCE.size()) {
                throw new IOException("short read");
            }
        }

        @Override
        public void commit() {
            commits++;
        }

        @Override
        public void close() {}
    }

    /** Committed output and checkpoint; fails the write with number {@code failOn} (1-based) before committing. */
    private static final class MemorySink implements ExportSink {
        final List<DslEvent> committed = new ArrayList<>();
        ExportCheckpoint checkpoint = ExportCheckpoint.START;
        int failOn = -1;
        int writes;
        boolean closed;

        @Override
        public ExportCheckpoint resume() {
            closed = false;
            writes = 0;
            return checkpoint;
        }

        @Override
        public void write(List<DslEvent> batch, ExportCheckpoint next) throws IOException {
            if (++writes == failOn) {
                throw new IOException("killed");
            }
            committed.addAll(batch);
            checkpoint = next;
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static ExactlyOnceExport.Builder export(MemorySink sink) {
        return ExactlyOnceExport.builder().source(ListCursor::new).sink(sink).batchSize(10);
    }

    @Test
    void run_writesEverythingInBatchesEachWithItsCheckpoint() throws IOException {
        MemorySink sink = new MemorySink();
        List<Long> progress = new ArrayList<>();

        ExactlyOnceExport.Result result = export(sink).progress(progress::add).run();

        assertThat(sink.committed).isEqualTo(SOURCE);
        assertThat(sink.checkpoint).isEqualTo(new ExportCheckpoint(940, 95));
        assertThat(result).isEqualTo(new ExactlyOnceExport.Result(95, 95, false));
        assertThat(progress).containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 95L);
        assertThat(sink.closed).isTrue();
    }

    @Test
    void run_interruptedAtEveryBatch_thenRunAgain_hasNoGapAndNoDuplicate() throws IOException {
        for (int failOn = 1; failOn <= 10; failOn++) {
            MemorySink sink = new MemorySink();
            sink.failOn = failOn;
            assertThatThrownBy(() -> export(sink).run())
                    .isInstanceOf(IOException.class)
                    .hasMessage("killed");
            assertThat(sink.closed).as("closed after a failure too").isTrue();
            sink.failOn = -1;

            ExactlyOnceExport.Result rerun = export(sink).run();

            assertThat(sink.committed).as("interrupted at write %d", failOn).isEqualTo(SOURCE);
            assertThat(rerun.exportedInAll()).isEqualTo(95);
            assertThat(rerun.exported()).isEqualTo(95 - (failOn - 1) * 10L);
            assertThat(rerun.resumed()).isEqualTo(failOn > 1);
        }
    }

    @Test
    void run_again_whenNothingIsNew_writesNothing() throws IOException {
        MemorySink sink = new MemorySink();
        export(sink).run();

        ExactlyOnceExport.Result again = export(sink).run();

        assertThat(again).isEqualTo(new ExactlyOnceExport.Result(0, 95, true));
        assertThat(sink.committed).isEqualTo(SOURCE);
    }

    @Test
    void run_withALimit_stopsBeforeItAndDoesNotCheckForTheEnd() throws IOException {
        MemorySink sink = new MemorySink();

        ExactlyOnceExport.Result result =
                export(sink).limit((position, event) -> position >= 300).run();

        assertThat(sink.committed).isEqualTo(SOURCE.subList(0, 30));
        assertThat(result.exported()).isEqualTo(30);
    }

    @Test
    void limitBefore_anIndex_stopsBeforeTheFirstEventAtOrAfterIt() throws IOException {
        MemorySink sink = new MemorySink();

        export(sink)
                .limit(ExactlyOnceExport.Limit.before(new Position.AtIndex(295)))
                .run();

        assertThat(sink.committed).isEqualTo(SOURCE.subList(0, 30));
    }

    @Test
    void limitBefore_aTime_stopsBeforeTheFirstEventAtOrAfterIt() throws IOException {
        MemorySink sink = new MemorySink();
        // Event i happened at i ns after the epoch.
        export(sink)
                .limit(ExactlyOnceExport.Limit.before(new Position.AtTime(java.time.Instant.ofEpochSecond(0, 40))))
                .run();

        assertThat(sink.committed).isEqualTo(SOURCE.subList(0, 40));
    }

    @Test
    void limitBefore_theEnd_isNoLimit_andTheStartIsRefused() {
        assertThat(ExactlyOnceExport.Limit.before(new Position.End())).isSameAs(ExactlyOnceExport.Limit.NONE);
        assertThatThrownBy(() -> ExactlyOnceExport.Limit.before(new Position.Start()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot stop before");
    }

    @Test
    void sourceOfAnEventSource_firstRunAtItsStart_thenJustAfterTheCheckpoint() throws IOException {
        List<String> opened = new ArrayList<>();
        EventSource events = new EventSource() {
            @Override
            public String describe() {
                return "list";
            }

            @Override
            public EventCursor cursor(Position from, boolean following) {
                throw new AssertionError("the export reads through exportCursor");
            }

            @Override
            public EventCursor exportCursor(String name, Position from, boolean firstRun, boolean following) {
                opened.add(name + " " + from + " " + firstRun + " " + following);
                long at = from instanceof Position.AtIndex index ? index.index() : 0;
                return new ListCursor(at == 0 ? ExportCheckpoint.NOTHING_YET : at - 1);
            }

            @Override
            public java.util.UUID origin() {
                return new java.util.UUID(0, 1);
            }

            @Override
            public void close() {}
        };
        MemorySink sink = new MemorySink();
        sink.failOn = 2;
        ExactlyOnceExport.Builder export = ExactlyOnceExport.builder()
                .source(events, "nightly", new Position.Start())
                .sink(sink)
                .batchSize(10);
        assertThatThrownBy(export::run).hasMessage("killed");
        sink.failOn = -1;

        export.run();

        assertThat(opened).containsExactly("nightly Start[] true false", "nightly AtIndex[index=91] false false");
        assertThat(sink.committed).isEqualTo(SOURCE);

        export.follow(() -> true).run();
        assertThat(opened).last().isEqualTo("nightly AtIndex[index=941] false true");
    }

    @Test
    void run_whenTheSourceStopsShort_failsAfterCommittingWhatItRead() {
        MemorySink sink = new MemorySink();
        ExactlyOnceExport export = ExactlyOnceExport.builder()
                .sink(sink)
                .batchSize(10)
                .source(after -> new ListCursor(after) {
                    private int read;

                    @Override
                    public RecordedEvent next() {
                        return ++read > 25 ? null : super.next();
                    }
                })
                .build();

        assertThatThrownBy(export::run).isInstanceOf(IOException.class).hasMessage("short read");
        assertThat(sink.committed).isEqualTo(SOURCE.subList(0, 25));
    }

    /**
     * A source that grows while it is followed: {@code script} holds how many events appear before each
     * "nothing more yet"; the stop is asked for once the script is done.
     */
    private static final class GrowingCursor extends ListCursor {
        private final int[] script;
        private int step;
        private int leftInStep;
        boolean askedForTheEnd;

        GrowingCursor(long after, int... script) {
            super(after);
            this.script = script;
            this.leftInStep = script[0];
        }

        boolean done() {
            return step >= script.length;
        }

        @Override
        public RecordedEvent next() {
            if (done()) {
                return null;
            }
            if (leftInStep == 0) {
                step++;
                leftInStep = done() ? 0 : script[step];
                return null;
            }
            leftInStep--;
            return super.next();
        }

        @Override
        public void requireAtEnd() {
            askedForTheEnd = true;
        }
    }

    /** Sizes of the batches written. */
    private static final class CountingSink extends ExportSinkWrapper {
        final List<Integer> sizes = new ArrayList<>();

        CountingSink(MemorySink sink) {
            super(sink);
        }

        @Override
        public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException {
            sizes.add(batch.size());
            super.write(batch, checkpoint);
        }
    }

    private static class ExportSinkWrapper implements ExportSink {
        private final MemorySink sink;

        ExportSinkWrapper(MemorySink sink) {
            this.sink = sink;
        }

        @Override
        public ExportCheckpoint resume() {
            return sink.resume();
        }

        @Override
        public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) throws IOException {
            sink.write(batch, checkpoint);
        }

        @Override
        public String describe() {
            return sink.describe();
        }

        @Override
        public void close() {
            sink.close();
        }
    }

    @Test
    void follow_commitsWhatItReadWheneverItCatchesUp_andStopsWhenAsked() throws IOException {
        MemorySink memory = new MemorySink();
        CountingSink sink = new CountingSink(memory);
        GrowingCursor[] cursor = new GrowingCursor[1];

        ExactlyOnceExport.Result result = ExactlyOnceExport.builder()
                .source(after -> cursor[0] = new GrowingCursor(after, 5, 0, 3, 12))
                .sink(sink)
                .batchSize(10)
                .follow(() -> cursor[0].done())
                .run();

        assertThat(sink.sizes)
                .as("caught up after 5, after 3, full at 10, caught up after 2, the stop")
                .containsExactly(5, 3, 10, 2, 0);
        assertThat(memory.committed).isEqualTo(SOURCE.subList(0, 20));
        assertThat(memory.checkpoint).isEqualTo(new ExportCheckpoint(190, 20));
        assertThat(result).isEqualTo(new ExactlyOnceExport.Result(20, 20, false));
        assertThat(cursor[0].askedForTheEnd)
                .as("a follower never asks for the end")
                .isFalse();
        assertThat(memory.closed).isTrue();
    }

    @Test
    void follow_stoppedMidStream_commitsWhatItRead_andARerunGoesOnWithNoGap() throws IOException {
        MemorySink sink = new MemorySink();
        int[] read = new int[1];

        ExactlyOnceExport.Result stopped = ExactlyOnceExport.builder()
                .source(after -> new ListCursor(after) {
                    @Override
                    public RecordedEvent next() {
                        read[0]++;
                        return super.next();
                    }
                })
                .sink(sink)
                .batchSize(10)
                .follow(() -> read[0] >= 27)
                .run();

        assertThat(stopped.exported()).isEqualTo(27);
        assertThat(sink.committed).isEqualTo(SOURCE.subList(0, 27));
        ExactlyOnceExport.Result rerun = export(sink).run();
        assertThat(rerun).isEqualTo(new ExactlyOnceExport.Result(68, 95, true));
        assertThat(sink.committed).isEqualTo(SOURCE);
    }

    @Test
    void follow_withNothingNew_waitsUntilStopped_andAnInterruptStopsItToo() throws IOException {
        MemorySink sink = new MemorySink();
        export(sink).run();
        int[] looks = new int[1];

        ExactlyOnceExport.Result result =
                export(sink).follow(() -> ++looks[0] > 3).run();

        assertThat(result).isEqualTo(new ExactlyOnceExport.Result(0, 95, true));
        assertThat(looks[0]).isEqualTo(4);

        Thread.currentThread().interrupt();
        try {
            assertThat(export(sink).follow(() -> false).run().exported()).isZero();
        } finally {
            assertThat(Thread.interrupted())
                    .as("the interrupt is left for the caller")
                    .isTrue();
        }
    }

    @Test
    void builder_refusesWhatCannotWork() {
        assertThatThrownBy(() -> ExactlyOnceExport.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be positive, got 0");
        assertThatThrownBy(
                        () -> ExactlyOnceExport.builder().sink(new MemorySink()).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ExportCheckpoint(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
