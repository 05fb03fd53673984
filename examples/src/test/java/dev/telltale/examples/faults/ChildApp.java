package dev.telltale.examples.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** A {@link FaultApp} in its own JVM, talked to line by line; its standard error goes to a file. */
@SuppressWarnings("try") // close() may be interrupted: the test thread then stops anyway
final class ChildApp implements AutoCloseable {

    /** How the child JVM is started. */
    record Launch(boolean chronicleFlags, boolean slf4jProvider, List<String> properties) {
        static Launch of(String... properties) {
            return new Launch(true, false, List.of(properties));
        }

        Launch withoutChronicleFlags() {
            return new Launch(false, slf4jProvider, properties);
        }

        Launch withSlf4jProvider() {
            return new Launch(chronicleFlags, true, properties);
        }
    }

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path stderr;

    private ChildApp(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    static ChildApp start(Launch launch, Path stderr) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (launch.chronicleFlags()) {
            command.addAll(Arrays.asList(
                    System.getProperty("telltale.jvm.flags").trim().split("\\s+")));
        }
        command.add("-Xmx256m");
        command.add("-Dtelltale.close-timeout=20s");
        command.addAll(launch.properties());
        command.add("-cp");
        command.add(classPath(launch.slf4jProvider()));
        command.add(FaultApp.class.getName());
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildApp(process, stderr);
    }

    /** The events build's classes first, so that the executor's factory is the events one; then the test class path. */
    private static String classPath(boolean slf4jProvider) {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("events.classes"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (slf4jProvider || !entry.contains("slf4j-simple")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Sends one request and returns the child's answer. */
    String ask(String request) throws IOException {
        in.write(request + "\n");
        in.flush();
        String answer = out.readLine();
        assertThat(answer)
                .as("the child answers '%s'; its stderr: %s", request, stderrText())
                .isNotNull();
        return answer;
    }

    /** Reads the greeting line. */
    String awaitReady() throws IOException {
        String line = out.readLine();
        assertThat(line).as("the child starts; its stderr: %s", stderrText()).startsWith("ready ");
        return line.substring("ready ".length());
    }

    /** Sends {@code quit}, returns the final stats line and waits for a clean exit. */
    String quit() throws Exception {
        String stats = ask("quit");
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderrText()).isZero();
        return stats;
    }

    /** The child's drain thread, as {@code jstack} shows it, for a failure message. */
    String drainStack() {
        try {
            Process jstack = new ProcessBuilder(
                            Paths.get(System.getProperty("java.home"), "bin", "jstack")
                                    .toString(),
                            Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            String dump = new String(jstack.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int at = dump.indexOf("\"telltale-drain\"");
            return at < 0 ? "(no drain thread)" : dump.substring(at, Math.min(dump.length(), at + 3000));
        } catch (IOException e) {
            return "(jstack failed: " + e + ")";
        }
    }

    /** Waits for the child to end by itself, at most {@code millis}; whether it did. */
    boolean exitsWithin(long millis) throws InterruptedException {
        return process.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    /** Asks for the counters until nothing is pending (at most 30 s) and returns them. */
    Stats settle() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> Stats.parse(ask("stats")).pending() == 0);
        try {
            return Stats.parse(ask("stats"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The lines the child wrote on standard error that come from Telltale (with or without SLF4J). */
    List<String> telltaleErrorLines() throws IOException {
        return Files.readAllLines(stderr).stream()
                .filter(line -> line.startsWith("telltale:") || line.contains(" dev.telltale - "))
                .collect(Collectors.toList());
    }

    String stderrText() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The counters of a {@code stats …} answer. */
    record Stats(long emitted, long persisted, long dropped, long lost, long pending) {
        static Stats parse(String line) {
            String[] w = line.split(" ");
            assertThat(w[0]).as(line).isEqualTo("stats");
            return new Stats(
                    Long.parseLong(w[2]),
                    Long.parseLong(w[4]),
                    Long.parseLong(w[6]),
                    Long.parseLong(w[8]),
                    Long.parseLong(w[10]));
        }

        void assertConserved() {
            assertThat(persisted + dropped + lost)
                    .as("emitted = persisted + dropped + lost in %s", this)
                    .isEqualTo(emitted);
            assertThat(pending).as("nothing pending after close").isZero();
        }
    }
}
