package dev.telltale.examples.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted on a directory for one test: a real file system that really fills up. Linux, root. */
@SuppressWarnings("try") // close() may be interrupted: the test thread then stops anyway
final class TmpfsMount implements AutoCloseable {

    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (such as {@code 16m}) on {@code dir}; skips the test if that is refused. */
    static TmpfsMount mount(Path dir, String size) throws IOException, InterruptedException {
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(
                mounted.exit == 0,
                () -> "cannot mount a tmpfs here (it needs root and Linux), so the full-disk " + "test does not run: "
                        + mounted.output);
        return new TmpfsMount(dir);
    }

    /** Writes a file until the file system is full; returns it. */
    Path fill() throws IOException {
        Path filler = dir.resolve("filler");
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException noSpaceLeft) {
            return filler;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result unmounted = run("umount", "-l", dir.toString());
        if (unmounted.exit != 0) {
            throw new IOException("umount " + dir + ": " + unmounted.output);
        }
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchCommand) {
            return new Result(-1, noSuchCommand.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(process.exitValue(), output);
    }
}
