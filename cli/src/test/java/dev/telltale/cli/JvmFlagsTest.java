package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JVM flags live in the build (pom.xml) and in the launchers (bin/jvm-flags): they must be the same. */
class JvmFlagsTest {

    @Test
    void launcherFlags_areTheBuildsFlags() throws Exception {
        List<String> launcher = Files.readAllLines(Path.of("..", "bin", "jvm-flags")).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
        List<String> build =
                List.of(System.getProperty("telltale.jvm.flags").trim().split("\\s+"));

        assertThat(launcher).containsExactlyElementsOf(build);
    }
}
