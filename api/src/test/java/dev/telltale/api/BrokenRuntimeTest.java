package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
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
        ChildJvm.Result child = ChildJvm.run(dir, BrokenRuntimeChild.Broken.class, BrokenRuntimeChild.class);

        assertThat(child.exitCode()).as(child.err()).isZero();
        String reason = "cannot load the event runtime; recording nothing: java.lang.LinkageError: "
                + "org/jctools/queues/MpscArrayQueue is missing";
        assertThat(child.out().trim()).as("health says why").isEqualTo("ok DEGRADED [" + reason + "] entries 1 2");
        // The JDK's logger (java.util.logging unless configured) puts its own header line before the message.
        List<String> said =
                child.err().lines().filter(line -> line.contains("telltale:")).toList();
        assertThat(said).singleElement().asString().endsWith("telltale: " + reason);
        assertThat(child.err()).doesNotContain("\tat ");
    }
}
