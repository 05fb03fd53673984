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
            public EventCursor exportCursor(String name, Position from, boolean firstRun) {
                opened.add(name + " " + from + " " + firstRun);
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

        assertThat(opened).containsExactly("nightly Start[] true", "nightly AtIndex[index=91] false");
        assertThat(sink.committed).isEqualTo(SOURCE);
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
