package dev.telltale.api.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime on the class path that cannot be made (a broken build, a missing dependency): the program
 * runs, records nothing, and its operator is told once, through the JDK's logger, without a stack trace.
 */
class BrokenRuntimeTest {

    @TempDir
    Path dir;

    @Test
    void aRuntimeThatCannotBeMade_isToldOnceAndTheProgramRuns() throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(EventRuntime.class.getName()), BrokenRuntimeChild.Broken.class.getName() + "\n");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dir + File.pathSeparator + System.getProperty("java.class.path"), BrokenRuntimeChild.class.getName())
                .redirectError(err.toFile()).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
        String reason = "cannot load the event runtime; recording nothing: java.lang.LinkageError: "
                + "org/jctools/queues/MpscArrayQueue is missing";
        assertThat(out.trim()).as("health says why").isEqualTo("ok DEGRADED [" + reason + "]");
        // The JDK's logger (java.util.logging unless configured) puts its own header line before the message.
        List<String> said = Files.readAllLines(err).stream().filter(line -> line.contains("telltale:")).toList();
        assertThat(said).singleElement().asString().endsWith("telltale: " + reason);
        assertThat(Files.readString(err)).doesNotContain("\tat ");
    }
}
