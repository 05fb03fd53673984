package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload.CommandSucceeded;
import dev.telltale.store.chronicle.internal.EncodedTextCache;
import dev.telltale.store.chronicle.internal.EventLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of appending one event to a Chronicle queue in each candidate layout, in the same run:
 * <ul>
 *   <li>{@code rawBytes}: Telltale's {@link EventLayout} (version byte first, primitives written
 *       directly, the verb copied from a cache of pre-encoded bytes): 59 bytes for this event;
 *   <li>{@code wireFields}: the same fields as self-describing Chronicle Wire fields
 *       ({@code dc.wire().write("verb").text(...)} and so on), which Chronicle's own tools can print:
 *       94 bytes.
 * </ul>
 * The event is a typical one: a command that succeeded, in a session, with a 23-char verb. Each
 * benchmark appends to its own queue (rolling every second, each released cycle file deleted, so
 * the disk does not fill); the cost includes Chronicle's document header and first touching fresh
 * pages, as a store pays them. JDK 17, this 2-core VM, 2026-11-27: {@code rawBytes} 196 ± 128 ns/op,
 * {@code wireFields} 379 ± 947 ns/op (two more runs: 208 ± 344 and 379 ± 423, 219 ± 431 and 358 ± 65),
 * neither allocating ({@code -prof gc}); so
 * the store writes raw bytes (see the {@code dev.telltale.store.chronicle} package). Run it (under the
 * build lock on shared machines):
 * <pre>
 * mvn -B -o -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar ChronicleLayoutBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
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
@State(Scope.Thread)
public class ChronicleLayoutBenchmark {

    private static final DslEvent EVENT =
            DslEvent.succeeded(EventClock.nowEpochNanos(), UUID.randomUUID(), "cbu.entity.update.attrs", 12_345);

    private final EncodedTextCache texts = new EncodedTextCache(EncodedTextCache.DEFAULT_SLOTS);
    private Path dir;
    private SingleChronicleQueue rawQueue;
    private SingleChronicleQueue wireQueue;
    private ExcerptAppender raw;
    private ExcerptAppender wire;

    @Setup(Level.Trial)
    public void openQueues() throws IOException {
        dir = Files.createTempDirectory("telltale-layout-bench");
        try {
            rawQueue = queue(dir.resolve("raw"));
            wireQueue = queue(dir.resolve("wire"));
            raw = rawQueue.createAppender();
            wire = wireQueue.createAppender();
        } catch (RuntimeException e) {
            // JMH skips the tear-down after a failed set-up (such as missing JVM flags).
            deleteDir();
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void closeQueues() throws IOException {
        raw.close();
        wire.close();
        rawQueue.close();
        wireQueue.close();
        deleteDir();
    }

    /** Telltale's layout, as the store writes it. */
    @Benchmark
    public void rawBytes() {
        try (DocumentContext document = raw.writingDocument()) {
            EventLayout.write(document.wire().bytes(), EVENT, texts);
        }
    }

    /** The same event as named, self-describing Chronicle Wire fields. */
    @Benchmark
    public void wireFields() {
        CommandSucceeded succeeded = (CommandSucceeded) EVENT.payload();
        try (DocumentContext document = wire.writingDocument()) {
            Wire out = document.wire();
            out.write("v").int8((byte) 1);
            out.write("type").int8((byte) 1);
            out.write("ts").int64(EVENT.epochNanos());
            out.write("session").uuid(EVENT.sessionId());
            out.write("verb").text(succeeded.verb());
            out.write("durationNanos").int64(succeeded.durationNanos());
        }
    }

    private void deleteDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static SingleChronicleQueue queue(Path path) {
        return SingleChronicleQueueBuilder.single(path.toFile())
                .rollCycle(TestRollCycles.TEST_SECONDLY)
                .storeFileListener((cycle, file) -> file.delete())
                .build();
    }
}
