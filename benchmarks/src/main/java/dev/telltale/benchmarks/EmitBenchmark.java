package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.jctools.queues.MpscArrayQueue;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The cost of one {@code emit} with a live drain, beside its baselines, all in one run:
 * <ul>
 *   <li>{@code telltaleEmit}: {@link Events#emit} with the drain thread running (a counting store, no I/O);
 *   <li>{@code telltaleDisabled}: {@code emit} on a handle started with {@code enabled=false};
 *   <li>{@code jctoolsOffer}: a raw offer of the same event to one shared JCTools MPSC array,
 *       with a thread draining it as fast as it can;
 *   <li>{@code arrayBlockingQueueOffer}: the same with {@link ArrayBlockingQueue#offer};
 *   <li>{@code jfrCommit}: a JFR event with the same fields, committed while a recording runs.
 * </ul>
 * Each offer benchmark counts what it offered and dropped ({@code @AuxCounters}). Run it once per
 * producer-thread count (this machine has 2 cores; larger machines should try more):
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * for t in 1 2 4; do java -jar benchmarks/target/benchmarks.jar EmitBenchmark -t $t -bm avgt,sample -rf json -rff emit-t$t.json; done
 * </pre>
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class EmitBenchmark {

    /**
     * CPU work (JMH tokens) each producer does between two emits. 0 is back to back: every queue
     * overflows and much of what is measured is the drop path (see the drop counters). A pace
     * keeps the offered rate within what a drain can take, so the accepted path is measured;
     * subtract {@code paceOnly}, measured in the same run.
     */
    @Param({"0", "400"})
    public int pace;

    /** The event every producer offers: built once, so each benchmark measures the hand-over only. */
    private static final DslEvent EVENT =
            DslEvent.succeeded(EventClock.nowEpochNanos(), UUID.randomUUID(), "cbu.create", 12_345);

    /** A handle started with {@code enabled=false}. */
    @State(Scope.Benchmark)
    public static class Disabled {
        final Events events = Events.disabled();
    }

    /** One shared JCTools MPSC array drained by a thread that never idles. */
    @State(Scope.Benchmark)
    public static class Jctools {
        final MpscArrayQueue<DslEvent> queue = new MpscArrayQueue<>(EventsConfig.DEFAULT_BUFFER_SIZE);
        BusyDrain drain;

        @Setup(Level.Trial)
        public void start() {
            drain = BusyDrain.start("jctools-drain", q -> queue.drain(e -> {}));
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            drain.stop();
        }
    }

    /** One shared {@link ArrayBlockingQueue} drained by a thread that never idles. */
    @State(Scope.Benchmark)
    public static class BlockingQueue {
        final ArrayBlockingQueue<DslEvent> queue = new ArrayBlockingQueue<>(EventsConfig.DEFAULT_BUFFER_SIZE);
        BusyDrain drain;

        @Setup(Level.Trial)
        public void start() {
            List<DslEvent> sink = new ArrayList<>(EventsConfig.DEFAULT_BUFFER_SIZE);
            drain = BusyDrain.start("abq-drain", q -> {
                int n = queue.drainTo(sink);
                sink.clear();
                return n;
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            drain.stop();
        }
    }

    /** What each producer thread offered and saw dropped, per iteration. */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Counts {
        public long offered;
        public long dropped;

        @Setup(Level.Iteration)
        public void begin() {
            offered = 0;
            dropped = 0;
        }
    }

    @Benchmark
    public void paceOnly() {
        Blackhole.consumeCPU(pace);
    }

    @Benchmark
    public void telltaleEmit(LiveTelltale telltale, TelltaleDrops counts) {
        Blackhole.consumeCPU(pace);
        telltale.events.emit(EVENT);
        counts.offered++;
    }

    @Benchmark
    public void telltaleDisabled(Disabled disabled) {
        Blackhole.consumeCPU(pace);
        disabled.events.emit(EVENT);
    }

    @Benchmark
    public void jctoolsOffer(Jctools jctools, Counts counts) {
        Blackhole.consumeCPU(pace);
        if (!jctools.queue.offer(EVENT)) {
            counts.dropped++;
        }
        counts.offered++;
    }

    @Benchmark
    public void arrayBlockingQueueOffer(BlockingQueue abq, Counts counts) {
        Blackhole.consumeCPU(pace);
        if (!abq.queue.offer(EVENT)) {
            counts.dropped++;
        }
        counts.offered++;
    }

    @Benchmark
    public void jfrCommit(JfrRecording jfr, Counts counts) {
        Blackhole.consumeCPU(pace);
        CommandJfrEvent event = new CommandJfrEvent();
        event.verb = "cbu.create";
        event.commandNanos = 12_345;
        event.commit();
        counts.offered++;
    }

    /** A consumer thread that drains as fast as it can, spinning when there is nothing. */
    static final class BusyDrain {
        private final Thread thread;
        private volatile boolean running = true;

        private BusyDrain(String name, ToIntFunction<Void> drainOnce) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            if (drainOnce.applyAsInt(null) == 0) {
                                Thread.onSpinWait();
                            }
                        }
                    },
                    name);
            thread.setDaemon(true);
        }

        static BusyDrain start(String name, ToIntFunction<Void> drainOnce) {
            BusyDrain drain = new BusyDrain(name, drainOnce);
            drain.thread.start();
            return drain;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
