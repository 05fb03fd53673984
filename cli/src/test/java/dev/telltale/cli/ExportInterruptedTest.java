package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code telltale export jsonl --resume} in real child JVMs, killed with {@code kill -9} at random
 * moments (before its first checkpoint too), and two exports with one name at once: in the end the
 * output holds every event exactly once, with no torn line.
 */
class ExportInterruptedTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    private Path queue;
    private final List<DslEvent> events = new ArrayList<>();

    @BeforeEach
    void writeQueue() throws IOException {
        queue = dir.resolve("queue");
        for (int s = 0; s < 400; s++) {
            events.addAll(Events.session(UUID.randomUUID(), 250, Events.T0 + s * 1_000_000_000L));
        }
        Cli.write(queue, events);
    }

    private Process export(Path out, String name, Path stderr) throws IOException {
        return Cli.childJvm(
                        TelltaleMain.class.getName(),
                        "export",
                        "jsonl",
                        queue.toString(),
                        "--out",
                        out.toString(),
                        "--resume",
                        name,
                        "--checkpoint-every",
                        "5000")
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<DslEvent> read(Path out) throws Exception {
        return ExportCommandTest.read(out);
    }

    @Test
    void killedAtRandomMoments_thenRunToTheEnd_exportsEveryEventExactlyOnce() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Random random = new Random(2026);
        int finishedEarly = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process process = export(out, "k", dir.resolve("err-" + kill + ".txt"));
            if (process.waitFor(random.nextInt(1_500), TimeUnit.MILLISECONDS)) {
                finishedEarly++;
                assertThat(process.exitValue())
                        .as(Files.readString(dir.resolve("err-" + kill + ".txt")))
                        .isZero();
            } else {
                process.destroyForcibly().waitFor();
            }
        }
        Process last = export(out, "k", dir.resolve("err-last.txt"));
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue())
                .as(Files.readString(dir.resolve("err-last.txt")))
                .isZero();

        assertThat(read(out))
                .as("%d of %d runs finished before the kill", finishedEarly, KILLS)
                .hasSize(events.size())
                .isEqualTo(events);
    }

    @Test
    void twoExportsWithOneNameAtOnce_oneWaitsItsTurnOrRefusesAndNothingIsDoubled() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Process first = export(out, "same", dir.resolve("err-1.txt"));
        Process second = export(out, "same", dir.resolve("err-2.txt"));
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String firstErr = Cli.ownErrorLines(dir.resolve("err-1.txt"));
        String secondErr = Cli.ownErrorLines(dir.resolve("err-2.txt"));

        for (String err : List.of(firstErr, secondErr)) {
            if (!err.startsWith("exported ")) {
                assertThat(err).startsWith("telltale: " + out + ": another export named 'same' is writing it now");
            }
        }
        assertThat(first.exitValue() == 0 || second.exitValue() == 0)
                .as(firstErr + secondErr)
                .isTrue();
        if (first.exitValue() != 0 || second.exitValue() != 0) {
            assertThat(first.exitValue() + second.exitValue()).isEqualTo(TelltaleMain.FAILED);
        } else {
            // The second came after the first had finished; it found nothing new.
            assertThat(firstErr + secondErr).contains("exported 0 events");
        }
        assertThat(read(out)).isEqualTo(events);
    }
}
