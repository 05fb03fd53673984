package dev.telltale.benchmarks;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventClock;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From a command's end to its line on {@code telltale tail -f}: this process records commands at a
 * steady rate into a Chronicle queue while a real {@code telltale tail -f --format json} child
 * follows it; each line is timed on arrival against the command's end (its start plus its duration,
 * on this process's clock). Reports p50, p90, p99 and max. Not JMH: one run is one whole tail.
 *
 * <pre>
 * java $(cat bin/jvm-flags) -cp benchmarks/target/benchmarks.jar dev.telltale.benchmarks.TailLatency cli/target/telltale.jar 10 30
 * </pre>
 */
public final class TailLatency {

    private static final Pattern FIELDS = Pattern.compile("\"ts\":\"([^\"]+)\".*\"duration_ns\":(\\d+)");

    private TailLatency() {}

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("telltale-tail-latency");
        Events events = Events.start(EventsConfig.builder()
                .store("chronicle")
                .storeOption("dir", dir.toString())
                .shutdownHook(false)
                .build());
        events.emit(DslEvent.succeeded(EventClock.nowEpochNanos(), null, "warm.up", 1));
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> arg.startsWith("--add-") || arg.startsWith("--enable-native"))
                .toList());
        command.addAll(List.of("-jar", jar, "tail", dir.toString(), "-f", "--from", "end", "--format", "json"));
        Process tail = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(tail.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    long now = EventClock.nowEpochNanos();
                    Matcher matcher = FIELDS.matcher(line);
                    if (matcher.find() && line.contains("tail.latency")) {
                        Instant ts = Instant.parse(matcher.group(1));
                        long end =
                                ts.getEpochSecond() * 1_000_000_000L + ts.getNano() + Long.parseLong(matcher.group(2));
                        latencies.add(now - end);
                    }
                }
            } catch (java.io.IOException e) {
                // The tail ended.
            }
        });
        reader.start();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));

        UUID session = UUID.randomUUID();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            long start = System.nanoTime();
            long end = System.nanoTime();
            events.emit(DslEvent.succeeded(EventClock.epochNanos(start), session, "tail.latency", end - start));
            next += interval;
        }
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        tail.destroy();
        reader.join(5_000);
        events.close();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "tail -f at %d events/s for %d s: %d of %d lines; latency p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms%n",
                rate,
                seconds,
                sorted.size(),
                rate * seconds,
                at(sorted, 0.5),
                at(sorted, 0.9),
                at(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        TempDirs.delete(dir);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.isEmpty()
                ? 0
                : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
