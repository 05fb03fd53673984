package dev.telltale.benchmarks;

import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.report.ReportAggregator;
import dev.telltale.report.ReportOptions;
import dev.telltale.report.ReportPage;
import dev.telltale.store.chronicle.EventLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The rate of {@code telltale report}: the queue of {@link ExportBenchmark} ({@value ExportBenchmark#EVENTS}
 * commands, 8 sessions, 8 verbs, one in 32 failed), read from the start and aggregated, beside the read
 * alone, in the same run:
 * <ul>
 *   <li>{@code report}: cursor, {@link ReportAggregator#add} for each event, then the page rendered
 *       (not written): all of the command but its JVM start and the file's write;
 *   <li>{@code readOnly}: the same cursor, each event to a {@link Blackhole}.
 * </ul>
 * One operation is one event. Run it (under the build lock on shared machines):
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ReportBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 * A whole command at scale, in bounded memory: {@link FillQueue} writes the queue, then
 * {@code TELLTALE_JAVA_OPTS=-Xmx256m bin/telltale report DIR -o FILE} (see benchmarks/README.md).
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
@State(Scope.Benchmark)
public class ReportBenchmark {

    private Path dir;
    private Path queue;

    @Setup(Level.Trial)
    public void writeQueue() throws IOException {
        dir = Files.createTempDirectory("telltale-report-bench");
        queue = dir.resolve("events");
        ExportBenchmark.writeCommands(dir, queue, ExportBenchmark.EVENTS);
    }

    @TearDown(Level.Trial)
    public void deleteAll() throws IOException {
        TempDirs.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ExportBenchmark.EVENTS)
    public int report() throws IOException {
        ReportAggregator report = new ReportAggregator(ReportOptions.of(queue.toString()));
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                report.add(recorded.event());
            }
        }
        if (report.events() != ExportBenchmark.EVENTS) {
            throw new IllegalStateException("expected " + ExportBenchmark.EVENTS + " events, got " + report.events());
        }
        return ReportPage.render(report).length();
    }

    @Benchmark
    @OperationsPerInvocation(ExportBenchmark.EVENTS)
    public long readOnly(Blackhole blackhole) throws IOException {
        return ExportBenchmark.readAll(queue, blackhole);
    }
}
