package dev.telltale.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.telltale.api.testing.FuzzInputs;
import dev.telltale.json.testing.GoldenLines;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON cannot hurt a reader: mutations of the golden lines decode to an event or fail with
 * the documented {@link EventJsonException}, one line, never another exception, a hang or running
 * out of memory.
 */
class EventJsonFuzzTest {

    private static final long SEED = 20261206L;

    @Test
    void mutatedGoldenLines_decodeOrFailWithOneLine() {
        List<byte[]> seeds = List.of(
                GoldenLines.GOLDEN_SUCCEEDED.getBytes(StandardCharsets.UTF_8),
                GoldenLines.GOLDEN_FAILED.getBytes(StandardCharsets.UTF_8),
                GoldenLines.GOLDEN_STARTED.getBytes(StandardCharsets.UTF_8),
                GoldenLines.GOLDEN_ENDED.getBytes(StandardCharsets.UTF_8),
                GoldenLines.GOLDEN_ENTRY.getBytes(StandardCharsets.UTF_8));
        FuzzInputs inputs = new FuzzInputs(seeds, SEED);
        int iterations = FuzzInputs.iterations(20_000);
        int[] decoded = new int[1];
        assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            decoded[0] = inputs.run(
                    iterations, input -> EventJson.decode(input, 0, input.length), EventJsonException.class, "");
        });
        assertThat(decoded[0]).as("some mutations stay valid events").isPositive();
    }
}
