package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.store.chronicle.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * {@code telltale tail -n 5} on a queue of {@code events} events (written once per trial), the two
 * ways, in the same run:
 * <ul>
 *   <li>{@code lastFiveNewestFirst}: what {@code tail} does: open the queue, read newest first until
 *       five events are found, then read those five forward;
 *   <li>{@code lastFiveScanningFromStart}: the baseline, what {@code tail} did before: open the queue,
 *       read every event from the start, keep the last five.
 * </ul>
 * One operation is one whole {@code tail} (open included), so the scores are milliseconds per tail.
 * Run it (under the build lock on shared machines; the 10 M queue takes about 1 GB of disk):
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar TailBenchmark -f 1 -wi 3 -i 5 -p events=1000000,10000000
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
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
@State(Scope.Benchmark)
public class TailBenchmark {

    private static final int LAST = 5;

    @Param({"1000000"})
    public int events;

    private Path dir;
    private Path queue;

    @Setup(Level.Trial)
    public void writeQueue() throws IOException {
        dir = Files.createTempDirectory("telltale-tail-bench");
        queue = dir.resolve("events");
        UUID session = UUID.randomUUID();
        long now = EventClock.nowEpochNanos() - events * 1_000L;
        TempDirs.writeQueue(
                dir,
                queue,
                events,
                i -> DslEvent.succeeded(now + i * 1_000L, session, "cbu.create", 10_000 + i % 1000));
    }

    @TearDown(Level.Trial)
    public void deleteQueue() throws IOException {
        TempDirs.delete(dir);
    }

    @Benchmark
    public void lastFiveNewestFirst(Blackhole sink) throws IOException {
        try (EventLog log = EventLog.open(queue)) {
            long start = -1;
            int found = 0;
            try (EventCursor newest = log.newestFirst()) {
                for (RecordedEvent next = newest.next(); next != null && found < LAST; next = newest.next()) {
                    found++;
                    start = next.position();
                }
            }
            try (EventCursor cursor = log.cursor(new Position.AtIndex(start))) {
                for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                    sink.consume(next.event());
                }
            }
        }
    }

    @Benchmark
    public void lastFiveScanningFromStart(Blackhole sink) throws IOException {
        ArrayDeque<DslEvent> last = new ArrayDeque<>(LAST);
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent next = cursor.next(); next != null; next = cursor.next()) {
                if (last.size() == LAST) {
                    last.removeFirst();
                }
                last.addLast(next.event());
            }
        }
        last.forEach(sink::consume);
    }
}
