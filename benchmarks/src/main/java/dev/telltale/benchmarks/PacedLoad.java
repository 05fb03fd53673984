package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventStats;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Telltale under a steady load, as an application meets it: producers emit at a fixed rate each
 * (paced by the clock, never catching up after a pause: a producer that falls behind skips ahead),
 * into the default Chronicle store with the default settings, for a duration; then it reports what
 * was emitted, dropped and persisted. And the idle cost: a process that records nothing, its CPU
 * time beside the same process with recording off. Not JMH: one run is one whole process.
 *
 * <pre>
 * java $(cat bin/jvm-flags) -cp benchmarks/target/benchmarks.jar dev.telltale.benchmarks.PacedLoad paced 1000000 1 60
 * java $(cat bin/jvm-flags) -cp benchmarks/target/benchmarks.jar dev.telltale.benchmarks.PacedLoad paced 500000 2 60
 * java $(cat bin/jvm-flags) -cp benchmarks/target/benchmarks.jar dev.telltale.benchmarks.PacedLoad idle 15
 * </pre>
 */
public final class PacedLoad {

    /** The start, reported apart from the steady state: {@value} s. */
    static final int WARM_UP_SECONDS = 3;

    private PacedLoad() {}

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "paced";
        if (mode.equals("idle")) {
            idle(args.length > 1 ? Integer.parseInt(args[1]) : 15);
        } else if (mode.equals("burst")) {
            burst(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else {
            paced(Long.parseLong(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    private static Events start(Path dir) {
        return Events.start(EventsConfig.builder()
                .store("chronicle")
                .storeOption("dir", dir.toString())
                .shutdownHook(false)
                .overrideFromSystem()
                .build());
    }

    /**
     * {@code producers} threads, each at {@code ratePerProducer} events/s: the first 3 s (start, cold
     * queue file, cold JIT) reported apart, then {@code seconds} of steady state.
     */
    static void paced(long ratePerProducer, int producers, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("telltale-paced");
        Events events = start(dir);
        UUID session = UUID.randomUUID();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerProducer;
        long begin = System.nanoTime();
        long steady = begin + TimeUnit.SECONDS.toNanos(WARM_UP_SECONDS);
        long end = steady + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        long[] skipped = new long[producers];
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(
                    () -> {
                        long next = System.nanoTime();
                        long i = 0;
                        while (true) {
                            long now = System.nanoTime();
                            if (now - end >= 0) {
                                return;
                            }
                            if (now - next < 0) {
                                Thread.onSpinWait();
                                continue;
                            }
                            events.emitSucceeded(EventClock.nowEpochNanos(), session, "paced.verb", i++);
                            next += intervalNanos;
                            if (now - next > TimeUnit.MILLISECONDS.toNanos(1)) {
                                // Descheduled: go on at the rate from now, without a burst to catch up.
                                if (now - steady >= 0) {
                                    skipped[producer] += (now - next) / intervalNanos;
                                }
                                next = now;
                            }
                        }
                    },
                    "producer-" + p);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        StringBuilder timeline = new StringBuilder();
        long droppedBefore = 0;
        for (long tick = begin + TICK_NANOS; tick - steady < 0; tick += TICK_NANOS) {
            LockSupport.parkNanos(tick - System.nanoTime());
            EventStats now = events.stats();
            if (now.dropped() > droppedBefore) {
                timeline.append(String.format(
                        Locale.ROOT,
                        " %.1f s: %,d dropped (%,d persisted);",
                        (tick - begin) / 1e9,
                        now.dropped() - droppedBefore,
                        now.persisted()));
                droppedBefore = now.dropped();
            }
        }
        LockSupport.parkNanos(steady - System.nanoTime());
        EventStats warm = events.stats();
        if (timeline.length() > 0) {
            System.out.println("  drops in the first " + WARM_UP_SECONDS + " s, by 100 ms:" + timeline);
        }
        long cpuBefore = processCpuNanos();
        StringBuilder steadyDrops = new StringBuilder();
        long droppedSoFar = warm.dropped();
        for (long tick = steady + TICK_NANOS; tick - end < 0; tick += TICK_NANOS) {
            LockSupport.parkNanos(tick - System.nanoTime());
            long dropped = events.stats().dropped();
            if (dropped > droppedSoFar) {
                steadyDrops.append(
                        String.format(Locale.ROOT, " %.1f s: %,d;", (tick - begin) / 1e9, dropped - droppedSoFar));
                droppedSoFar = dropped;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (steadyDrops.length() > 0) {
            System.out.println("  drops in the steady state, by 100 ms (from the start):" + steadyDrops);
        }
        EventStats last = events.stats();
        long cpu = processCpuNanos() - cpuBefore;
        events.close();
        long skippedAll = 0;
        for (long s : skipped) {
            skippedAll += s;
        }
        long emitted = last.emitted() - warm.emitted();
        long dropped = last.dropped() - warm.dropped();
        System.out.printf(
                Locale.ROOT,
                "paced %,d/s x %d: first %d s: emitted %,d, dropped %,d (%.4f%%);"
                        + " then %d s steady: emitted %,d, dropped %,d (%.4f%%), skipped by the pacer %,d, CPU %.1f s;"
                        + " persisted in all %,d, lost %,d%n",
                ratePerProducer,
                producers,
                WARM_UP_SECONDS,
                warm.emitted(),
                warm.dropped(),
                100.0 * warm.dropped() / Math.max(1, warm.emitted()),
                seconds,
                emitted,
                dropped,
                100.0 * dropped / Math.max(1, emitted),
                skippedAll,
                cpu / 1e9,
                events.stats().persisted(),
                events.stats().lost());
        TempDirs.delete(dir);
    }

    /**
     * A burst right after start: {@code producers} threads each record {@code perProducer} commands
     * back to back as soon as Telltale is started (cold queue file, cold JIT), then close; what was
     * emitted, dropped and persisted.
     */
    static void burst(int producers, int perProducer) throws Exception {
        Path dir = Files.createTempDirectory("telltale-burst");
        long begin = System.nanoTime();
        Events events = start(dir);
        EventStats before = events.stats();
        long emittedIn = burstOf(events, producers, perProducer) - begin;
        EventStats cold = awaitDrained(events);
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
        long later = System.nanoTime();
        long laterIn = burstOf(events, producers, perProducer) - later;
        events.close();
        EventStats warm = events.stats();
        System.out.printf(
                Locale.ROOT,
                "burst %d x %,d right after start: in %.0f ms, dropped %,d, persisted %,d;"
                        + " the same burst 5 s later: in %.0f ms, dropped %,d, persisted %,d; lost %,d%n",
                producers,
                perProducer,
                emittedIn / 1e6,
                cold.dropped() - before.dropped(),
                cold.persisted(),
                laterIn / 1e6,
                warm.dropped() - cold.dropped(),
                warm.persisted() - cold.persisted(),
                warm.lost());
        TempDirs.delete(dir);
    }

    /** Records {@code perProducer} commands back to back from each of {@code producers} threads; when they ended. */
    private static long burstOf(Events events, int producers, int perProducer) throws InterruptedException {
        UUID session = UUID.randomUUID();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Thread thread = new Thread(
                    () -> {
                        for (int i = 0; i < perProducer; i++) {
                            events.emitSucceeded(EventClock.nowEpochNanos(), session, "burst.verb", i);
                        }
                    },
                    "producer-" + p);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return System.nanoTime();
    }

    private static EventStats awaitDrained(Events events) {
        EventStats stats = events.stats();
        while (stats.persisted() + stats.dropped() + stats.lost() < stats.emitted()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            stats = events.stats();
        }
        return stats;
    }

    /** CPU of a process that records nothing, beside the same with recording off, in one run. */
    static void idle(int seconds) throws IOException {
        Path dir = Files.createTempDirectory("telltale-idle");
        long off = idleCpu(Events.disabled(), seconds);
        Events events = start(dir);
        events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), null, "warm.up", 1));
        LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        long on = idleCpu(events, seconds);
        events.close();
        System.out.printf(
                Locale.ROOT,
                "idle %d s: recording off %.1f ms CPU, recording on (Chronicle, nothing emitted) %.1f ms: %.2fx%n",
                seconds,
                off / 1e6,
                on / 1e6,
                (double) on / Math.max(1, off));
        TempDirs.delete(dir);
    }

    private static long idleCpu(Events events, int seconds) {
        Map<String, Long> threadsBefore = threadCpuNanos();
        long before = idleCpuNanos();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
        long cpu = idleCpuNanos() - before;
        Map<String, Long> threadsAfter = threadCpuNanos();
        events.stats();
        StringBuilder busiest = new StringBuilder();
        threadsAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(6)
                .forEach(e ->
                        busiest.append(String.format(Locale.ROOT, " %s %.2f ms;", e.getKey(), e.getValue() / 1e6)));
        System.out.println("  threads that ran:" + busiest);
        return cpu;
    }

    /**
     * On-CPU nanoseconds of the whole process: the sum over its threads of the kernel's scheduler
     * statistics (nanosecond resolution, where {@code getProcessCpuTime} counts 10 ms clock ticks);
     * the JMX figure where there is no {@code /proc}. Threads that end between two readings are lost,
     * so only for a process whose threads stay.
     */
    private static long idleCpuNanos() {
        Map<String, Long> threads = threadCpuNanos();
        if (!threads.isEmpty()) {
            return threads.values().stream().mapToLong(Long::longValue).sum();
        }
        return processCpuNanos();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Each live thread's on-CPU nanoseconds from {@code /proc/self/task/*\/schedstat}, by "name#tid". */
    private static Map<String, Long> threadCpuNanos() {
        Map<String, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    cpu.put(
                            name + "#" + task.getFileName(),
                            Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                } catch (IOException | RuntimeException gone) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return cpu;
    }
}
