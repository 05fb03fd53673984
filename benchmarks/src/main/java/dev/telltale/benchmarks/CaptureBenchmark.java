package dev.telltale.benchmarks;

import dev.telltale.core.Events;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of recording a command: one call through the generated {@code BenchExecutor_Events}
 * (clock before and after, event, {@code emit}) beside, in the same run:
 * <ul>
 *   <li>{@code plainCall}: the same call on the plain class (what a build without -Pevents runs);
 *   <li>{@code capturedDisabled}: the generated subclass with recording switched off at run time
 *       ({@code telltale.enabled=false}): one branch;
 *   <li>{@code jfrCapturedCall}: the plain call timed by a JFR event ({@code begin}, {@code end},
 *       {@code commit}) while a recording runs: the peer to beat.
 * </ul>
 * JMH forks a JVM per benchmark, so each gets its own global Telltale. Allocation per call:
 * add {@code -prof gc}.
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar CaptureBenchmark -prof gc -rf json -rff capture.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class CaptureBenchmark {

    private final BenchExecutor plain = new BenchExecutor();
    private final BenchExecutor captured = BenchExecutorFactory.create();
    private final String line = "cbu.create name=Acme";
    private long total;

    /** The global Telltale switched off, as {@code -Dtelltale.enabled=false} would. */
    @State(Scope.Benchmark)
    public static class Disabled {
        @Setup(Level.Trial)
        public void start() {
            Events.installGlobal(Events.disabled());
        }
    }

    @Benchmark
    public long plainCall() {
        total = plain.run(line, total);
        return total;
    }

    @Benchmark
    public long capturedCall(LiveTelltale telltale, TelltaleDrops drops) {
        total = captured.run(line, total);
        drops.offered++;
        return total;
    }

    @Benchmark
    public long capturedDisabled(Disabled disabled) {
        total = captured.run(line, total);
        return total;
    }

    @Benchmark
    public long jfrCapturedCall(JfrRecording jfr) {
        CommandJfrEvent event = new CommandJfrEvent();
        event.begin();
        total = plain.run(line, total);
        event.end();
        event.verb = "bench.run";
        event.commit();
        return total;
    }
}
