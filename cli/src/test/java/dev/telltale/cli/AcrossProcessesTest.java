package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EventType;
import dev.telltale.json.EventJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: an application writing while {@code telltale tail -f} follows; an export killed with -9 and resumed. */
class AcrossProcessesTest {

    @TempDir
    Path dir;

    private static boolean hasCycleFile(Path queue) {
        try (Stream<Path> files = Files.list(queue)) {
            return files.anyMatch(f -> f.toString().endsWith(".cq4"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void tailFollow_inAnotherProcess_seesEveryEventAWriterProcessAppends() throws Exception {
        Path queue = dir.resolve("queue");
        int count = 60;
        // A roll cycle of one second, so that following crosses several cycle files.
        List<String> settings = List.of(
                "-Dtelltale.store=chronicle",
                "-Dtelltale.store.dir=" + queue,
                "-Dtelltale.store.roll-cycle=TEST_SECONDLY",
                "-Dtelltale.flush-interval=10ms");
        Process writer = Cli.childJvm(settings, ChildWriter.class.getName(), Integer.toString(count), "50")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("writer.log").toFile())
                .start();
        Process tail = null;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(queue) && hasCycleFile(queue));
            tail = Cli.childJvm(
                            TelltaleMain.class.getName(),
                            "tail",
                            queue.toString(),
                            "-f",
                            "--from",
                            "start",
                            "--format",
                            "json")
                    .redirectError(dir.resolve("tail.err").toFile())
                    .start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Process follower = tail;
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(follower.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the follower was stopped
                }
            });
            reader.start();

            // Every event, then the writer's final account when it closes.
            await().atMost(Duration.ofSeconds(90)).until(() -> lines.size() >= count + 1);
            assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(writer.exitValue()).isZero();
            List<String> verbs = new ArrayList<>();
            for (String line : lines.subList(0, count)) {
                verbs.add(EventJson.fromJson(line).commandVerb());
            }
            assertThat(EventJson.fromJson(lines.get(count)).type()).isEqualTo(EventType.RECORDER_ACCOUNT);
            assertThat(verbs).hasSize(count);
            for (int i = 0; i < count; i++) {
                assertThat(verbs.get(i)).isEqualTo("child.step" + i);
            }
            assertThat(tail.isAlive()).as("tail -f keeps following").isTrue();
        } finally {
            writer.destroyForcibly();
            if (tail != null) {
                tail.destroyForcibly();
            }
        }
    }

    @Test
    void export_killedWithSigkillAndRunAgain_hasNoGapAndNoDuplicate() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> all = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            List<DslEvent> session = Events.session(UUID.randomUUID(), 2_000, Events.T0 + s * 10_000_000_000L);
            Cli.write(queue, session);
            all.addAll(session);
        }
        Path out = dir.resolve("export.jsonl");
        String[] export = {
            "export",
            "jsonl",
            queue.toString(),
            "--out",
            out.toString(),
            "--resume",
            "killed",
            "--checkpoint-every",
            "500"
        };
        List<String> command = new ArrayList<>(List.of(export));
        Process exporter = Cli.childJvm(TelltaleMain.class.getName(), command.toArray(String[]::new))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("export.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> Files.exists(out) && Files.size(out) > 200_000);
        exporter.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long linesAtKill = Files.readAllLines(out).size();
        assertThat(linesAtKill).as("killed mid-way").isLessThan(all.size());

        Cli.Result rerun = Cli.run(export);

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(ExportCommandTest.read(out)).containsExactlyElementsOf(all);
    }
}
