package dev.telltale.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' forks use the build's Chronicle flags, not a copy that drifted. */
class ChronicleForkTest {

    @Test
    void forkFlags_areTheBuildsFlags() {
        List<String> build =
                List.of(System.getProperty("telltale.jvm.flags").trim().split("\\s+"));

        assertThat(ChronicleFork.FLAGS).containsExactlyElementsOf(build);
    }
}
