package dev.telltale.api.testing;

import dev.telltale.api.EventRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program in a child JVM on this JVM's class path, with one {@link EventRuntime} registered as
 * a service ahead of it: how a test gives the api a runtime, which it loads once per JVM.
 */
public final class ChildJvm {

    /** How long a child may run: {@value} s. */
    private static final int TIMEOUT_SECONDS = 60;

    /** What the child did: its exit code, its standard output and its standard error. */
    public record Result(int exitCode, String out, String err) {}

    private ChildJvm() {}

    /**
     * Runs {@code main} with {@code args}, {@code runtime} registered in {@code dir} (which holds the
     * services file and the child's standard error), and waits for it to end.
     */
    public static Result run(Path dir, Class<? extends EventRuntime> runtime, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(EventRuntime.class.getName()), runtime.getName() + "\n");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                dir + File.pathSeparator + System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(main.getName() + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(child.exitValue(), out, Files.readString(err));
    }
}
