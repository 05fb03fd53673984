package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.store.chronicle.EventLog;
import dev.telltale.store.jsonl.JsonlEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * The rate of {@code telltale export jsonl}: a Chronicle queue of {@value #EVENTS} events, written
 * once per trial, read from the start and written to a JSON Lines file, beside its read alone, in the
 * same run:
 * <ul>
 *   <li>{@code exportJsonl}: what the CLI's export to a file does without {@code --resume}: an
 *       {@link EventLog} cursor from the start, the events in batches of {@value #BATCH} handed to a
 *       {@link JsonlEventStore} opened without fsync, {@code flush} after each batch (a no-op without
 *       fsync), closed at the end. The output file is deleted after each invocation;
 *   <li>{@code readOnly}: the same cursor over the same events, each handed to a {@link Blackhole}:
 *       the part of the export that is reading and decoding Chronicle.
 * </ul>
 * One operation is one event ({@code @OperationsPerInvocation}), so the scores are events per second.
 * The events are commands in 8 sessions with 8 verbs of 10 to 23 chars; one in 32 failed with a
 * one-frame error. {@code --resume} adds an fsync and a checkpoint per 10,000 events; not measured here.
 * Allocation per event: {@code -prof gc}. Run it (under the build lock on shared machines):
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ExportBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc -rf json -rff export.json
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
@State(Scope.Benchmark)
public class ExportBenchmark {

    /** Events in the queue: {@value}. */
    static final int EVENTS = 500_000;

    /** Events per JSONL append, as the CLI's default checkpoint interval: {@value}. */
    static final int BATCH = 10_000;

    private static final String[] VERBS = {
        "cbu.create", "cbu.entity.update.attrs", "cbu.entity.link", "session.login",
        "kyc.case.open", "kyc.case.close.approved", "doc.upload", "doc.classify.auto",
    };

    private Path dir;
    private Path queue;
    private Path out;
    private final List<DslEvent> batch = new ArrayList<>(BATCH);

    @Setup(Level.Trial)
    public void writeQueue() throws IOException {
        dir = Files.createTempDirectory("telltale-export-bench");
        queue = dir.resolve("events");
        out = dir.resolve("events.jsonl");
        writeCommands(dir, queue, EVENTS);
    }

    /**
     * Writes {@code count} commands into the queue at {@code queue}: 8 sessions, 8 verbs of 10 to 23
     * chars, one in 32 failed with a one-frame error; the export benchmarks' input.
     */
    static void writeCommands(Path dir, Path queue, int count) throws IOException {
        UUID[] sessions = new UUID[8];
        for (int s = 0; s < sessions.length; s++) {
            sessions[s] = UUID.randomUUID();
        }
        IllegalStateException error = new IllegalStateException("entity 42 is locked by another case");
        error.setStackTrace(
                new StackTraceElement[] {new StackTraceElement("dev.example.Cases", "lock", "Cases.java", 88)});
        long now = EventClock.nowEpochNanos() - count * 1_000L;
        TempDirs.writeQueue(dir, queue, count, i -> {
            String verb = VERBS[i % VERBS.length];
            UUID session = sessions[(i / 64) % sessions.length];
            long at = now + i * 1_000L;
            return i % 32 == 31
                    ? DslEvent.failed(at, session, verb, 50_000 + i % 1000, error)
                    : DslEvent.succeeded(at, session, verb, 10_000 + i % 1000);
        });
    }

    @TearDown(Level.Invocation)
    public void deleteOutput() throws IOException {
        Files.deleteIfExists(out);
    }

    @TearDown(Level.Trial)
    public void deleteAll() throws IOException {
        TempDirs.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long exportJsonl() throws IOException {
        long exported = 0;
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start());
                JsonlEventStore output = JsonlEventStore.open(out, false)) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                batch.add(recorded.event());
                if (batch.size() == BATCH) {
                    exported += writeBatch(output);
                }
            }
            exported += writeBatch(output);
        }
        return requireAll(exported);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long readOnly(Blackhole blackhole) throws IOException {
        return requireAll(readAll(queue, blackhole));
    }

    /** Reads every event of the queue at {@code queue} into {@code blackhole}: the baseline of the reading benchmarks. */
    static long readAll(Path queue, Blackhole blackhole) throws IOException {
        long read = 0;
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                blackhole.consume(recorded.event());
                read++;
            }
        }
        return read;
    }

    private int writeBatch(JsonlEventStore output) throws IOException {
        int size = batch.size();
        output.append(batch);
        output.flush();
        batch.clear();
        return size;
    }

    private static long requireAll(long count) {
        if (count != EVENTS) {
            throw new IllegalStateException("expected " + EVENTS + " events, got " + count);
        }
        return count;
    }
}
