package dev.telltale.store.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.store.contract.ContractEvents;
import dev.telltale.api.testing.FuzzInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile export checkpoint cannot hurt a resume: mutations of a real checkpoint either resume or
 * fail with one line naming the file, never another exception or a hang; and an output is never
 * cut back to a length its checkpoint cannot prove.
 */
class CheckpointFuzzTest {

    private static final long SEED = 20261206L;

    @TempDir
    Path dir;

    @Test
    void mutatedCheckpoints_resumeOrFailWithOneLine() throws IOException {
        Path out = dir.resolve("out.jsonl");
        try (JsonlExportSink sink = JsonlExportSink.resumable(out, "fuzz")) {
            sink.resume();
            sink.write(List.of(ContractEvents.succeeded(), ContractEvents.failed()), new ExportCheckpoint(7, 2));
        }
        byte[] output = Files.readAllBytes(out);
        Path checkpoint = JsonlExportSink.checkpointFileOf(out, "fuzz");
        byte[] valid = Files.readAllBytes(checkpoint);
        FuzzInputs inputs = new FuzzInputs(List.of(valid), SEED);
        int iterations = FuzzInputs.iterations(20_000) / 10;
        int[] resumed = new int[1];
        assertTimeoutPreemptively(Duration.ofMinutes(30), () -> {
            resumed[0] = inputs.run(
                    iterations,
                    input -> {
                        Files.write(out, output);
                        Files.write(checkpoint, input);
                        try (JsonlExportSink sink = JsonlExportSink.resumable(out, "fuzz")) {
                            sink.resume();
                        } finally {
                            assertThat(Files.size(out)).isLessThanOrEqualTo(output.length);
                        }
                    },
                    IOException.class,
                    out.getFileName().toString());
        });
        assertThat(resumed[0]).as("some mutations still describe the output").isPositive();
    }
}
