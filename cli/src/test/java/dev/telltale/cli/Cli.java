package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.store.EventStore;
import dev.telltale.api.store.StoreConfig;
import dev.telltale.store.chronicle.ChronicleStoreProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real picocli entry point in this JVM, and the real command in a child JVM; writes queues as an application does. */
final class Cli {

    /** What one run printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TelltaleMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Appends events to the queue in {@code dir} through the real Chronicle store, as the drain would. */
    static void write(Path dir, List<DslEvent> events) throws IOException {
        try (EventStore store =
                new ChronicleStoreProvider().open(StoreConfig.of("chronicle", Map.of("dir", dir.toString())))) {
            store.append(events);
            store.flush();
        }
    }

    /** What a child command wrote on standard error, without the JVM's own warnings (JDK 25 and sun.misc.Unsafe), one line each. */
    static String ownErrorLines(Path stderr) throws java.io.IOException {
        StringBuilder own = new StringBuilder();
        for (String line : java.nio.file.Files.readAllLines(stderr)) {
            if (!line.startsWith("WARNING: ")) {
                own.append(line).append('\n');
            }
        }
        return own.toString();
    }

    /** {@code a} then {@code b}: a command line put together from its parts. */
    static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** {@code telltale ARGS…} started in a child JVM, standard output and error both into {@code log}. */
    static Process telltale(Path log, String... args) throws IOException {
        return childJvm(TelltaleMain.class.getName(), args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** {@code java <Chronicle flags> -cp <this test class path> MAIN ARGS…}, as a process builder. */
    static ProcessBuilder childJvm(String mainClass, String... args) {
        return childJvm(List.of(), mainClass, args);
    }

    /** As {@link #childJvm(String, String...)}, with JVM options (such as -D settings) before the main class. */
    static ProcessBuilder childJvm(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("telltale.jvm.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
