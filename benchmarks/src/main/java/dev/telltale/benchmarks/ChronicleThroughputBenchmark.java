package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import dev.telltale.store.chronicle.ChronicleEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The sustained rate at which Telltale persists events to a Chronicle queue on disk, beside the raw
 * append of the same bytes, in the same run:
 * <ul>
 *   <li>{@code rawAppend}: {@link ChronicleEventStore#append} of a batch of one pre-built event, in a
 *       loop on one thread: no queue, no drain. This is the most the store can take;
 *   <li>{@code telltaleToChronicle}: {@link Events#emit} of the same event by one producer thread, the
 *       drain thread taking it from the emitter's queue and appending it, in batches, to a
 *       {@link ChronicleEventStore}. The score counts <em>offered</em> events; the {@code offered} and
 *       {@code dropped} counters ({@link TelltaleDrops}) say how many of them the queue dropped, so the
 *       persisted rate is {@code score × (1 − dropped / offered)}.
 * </ul>
 * {@code pace} is CPU work (JMH tokens, ≈ 2 ns each here) the producer does between two emits: at 0
 * it offers far faster than any drain takes, so the persisted rate is the drain's ceiling; larger paces
 * find the rate at which drops stay under 0.01 %.
 *
 * <p>Both write the same 59-byte event to a store with its default settings (one cycle file per hour,
 * pages touched ahead at each flush, no retention) in a temporary directory deleted at tear-down: a
 * trial writes at most a few GB. The drain runs the store's housekeeping ({@code flush}: the next MiB
 * of pages touched) once a second; {@code rawAppend} runs it every {@value #RAW_FLUSH_EVERY} appends,
 * amortised into its score. Both pay Chronicle's pauses as the file grows (it logs "Took 2 ms to add
 * mapping"): the raw loop as a slower op, the drain as a fuller queue, and drops if it fills.
 * Allocation per append: {@code -prof gc}. Results: {@code benchmarks/README.md}. Run it (under the build lock on shared machines):
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ChronicleThroughputBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -rf json -rff chronicle-throughput.json
 * java -jar benchmarks/target/benchmarks.jar 'ChronicleThroughputBenchmark.telltaleToChronicle' -p pace=3200,6400 -f 1 -wi 2 -i 3 -w 2s -r 2s
 * java -jar benchmarks/target/benchmarks.jar 'ChronicleThroughputBenchmark.rawAppend' -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {
            ChronicleFork.NIO,
            ChronicleFork.REFLECT,
            ChronicleFork.CLEANER,
            ChronicleFork.NATIVE,
            ChronicleFork.NO_BANNER,
            ChronicleFork.HEAP_MIN,
            ChronicleFork.HEAP_MAX
        })
public class ChronicleThroughputBenchmark {

    /** Appends between two housekeeping flushes in {@code rawAppend}: {@value}. */
    static final int RAW_FLUSH_EVERY = 1 << 16;

    /** A typical event, built once: a command that succeeded, in a session, with a 23-char verb. */
    private static final DslEvent EVENT =
            DslEvent.succeeded(EventClock.nowEpochNanos(), UUID.randomUUID(), "cbu.entity.update.attrs", 12_345);

    /** A store with the default settings, as a user gets it. */
    static ChronicleEventStore openStore(Path dir) throws IOException {
        return ChronicleEventStore.open(dir);
    }

    /** A store this thread appends to directly. */
    @State(Scope.Thread)
    public static class RawStore {
        final List<DslEvent> batch = List.of(EVENT);
        Path dir;
        ChronicleEventStore store;
        int untilFlush = RAW_FLUSH_EVERY;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("telltale-throughput-raw");
            try {
                store = openStore(dir);
            } catch (IOException | RuntimeException e) {
                // JMH skips the tear-down after a failed set-up (such as missing JVM flags).
                TempDirs.delete(dir);
                throw e;
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            try {
                store.close();
            } finally {
                TempDirs.delete(dir);
            }
        }
    }

    /** Telltale with its drain writing to a Chronicle store, installed as the global handle. */
    @State(Scope.Benchmark)
    public static class ChronicleTelltale {

        /** CPU work (JMH tokens) the producer does between two emits; see the class comment. */
        @Param({"0", "200", "400", "800", "1600"})
        public int pace;

        Path dir;
        Events events;

        @Setup(Level.Trial)
        public void start() throws IOException {
            dir = Files.createTempDirectory("telltale-throughput-e2e");
            try {
                events = Events.start(EventsConfig.builder()
                        .store(openStore(dir))
                        .shutdownHook(false)
                        .dropReportInterval(Duration.ofHours(1))
                        .build());
            } catch (IOException | RuntimeException e) {
                TempDirs.delete(dir);
                throw e;
            }
            Events.installGlobal(events);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            try {
                events.close();
            } finally {
                TempDirs.delete(dir);
            }
        }
    }

    @Benchmark
    public void rawAppend(RawStore raw) throws IOException {
        raw.store.append(raw.batch);
        if (--raw.untilFlush == 0) {
            raw.untilFlush = RAW_FLUSH_EVERY;
            raw.store.flush();
        }
    }

    @Benchmark
    public void telltaleToChronicle(ChronicleTelltale telltale, TelltaleDrops counts) {
        Blackhole.consumeCPU(telltale.pace);
        telltale.events.emit(EVENT);
        counts.offered++;
    }
}
