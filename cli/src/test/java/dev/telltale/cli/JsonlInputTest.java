package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.json.EventJson;
import dev.telltale.store.jsonl.JsonlEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code jsonl} store writes, read by every command as a queue is. */
class JsonlInputTest {

    @TempDir
    Path dir;

    private Path file;
    private final List<DslEvent> events = new ArrayList<>();

    @BeforeEach
    void recordThroughTheJsonlStore() throws Exception {
        file = dir.resolve("events.jsonl");
        events.addAll(Events.session(UUID.randomUUID(), 20, Events.T0));
        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(events);
        }
    }

    private static List<DslEvent> parse(List<String> lines) throws Exception {
        return TailCommandTest.parse(lines);
    }

    @Test
    void tail_printsTheLastEventsOfTheFile() throws Exception {
        Cli.Result result = Cli.run("tail", file.toString(), "-n", "3", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(parse(result.lines())).containsExactlyElementsOf(events.subList(events.size() - 3, events.size()));
        assertThat(parse(Cli.run("tail", file.toString(), "--from", "start", "--format", "json")
                        .lines()))
                .containsExactlyElementsOf(events);
    }

    @Test
    void stats_countsTheFile() {
        Cli.Result result = Cli.run("stats", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("events     " + events.size() + " ");
    }

    @Test
    void export_resumable_copiesTheFileExactlyOnceAcrossRuns() throws Exception {
        Path out = dir.resolve("copy.jsonl");
        String[] export = {"export", "jsonl", file.toString(), "--out", out.toString(), "--resume", "copy"};

        assertThat(Cli.run(export).exitCode()).isZero();
        List<DslEvent> more = Events.session(UUID.randomUUID(), 5, Events.T0 + 9_000_000_000L);
        try (JsonlEventStore store = JsonlEventStore.open(file, false)) {
            store.append(more);
        }
        Cli.Result again = Cli.run(export);

        assertThat(again.err()).startsWith("exported " + more.size() + " events to " + out);
        List<DslEvent> all = new ArrayList<>(events);
        all.addAll(more);
        assertThat(ExportCommandTest.read(out)).containsExactlyElementsOf(all);
    }

    @Test
    void aBadLine_failsNamingTheFileAndLine_orIsSkippedAndCountedOnRequest() throws Exception {
        Files.writeString(file, "{\"v\":1,\"broken\n", StandardOpenOption.APPEND);
        long badLine = Files.readAllLines(file).size();

        Cli.Result strict = Cli.run("stats", file.toString());
        assertThat(strict.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(strict.err()).startsWith("telltale: " + file + ":" + badLine + ": ");

        Cli.Result skipping = Cli.run("stats", file.toString(), "--skip-damaged");
        assertThat(skipping.exitCode()).isZero();
        assertThat(skipping.err()).isEqualTo("telltale: skipped 1 bad line in " + file + "\n");
    }

    @Test
    void tailFollow_printsAppendedEventsOnceTheirLineIsComplete() throws Exception {
        Path out = dir.resolve("follow.out");
        Process follower = Cli.childJvm(
                        TelltaleMain.class.getName(), "tail", file.toString(), "-f", "-n", "1", "--format", "json")
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("follow.err").toFile())
                .start();
        try {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readAllLines(out).size() == 1);
            DslEvent next = DslEvent.succeeded(Events.T0 + 99, null, "appended.later", 5);
            String line = EventJson.toJson(next) + "\n";
            int half = line.length() / 2;
            // A writer caught between two writes: half a line now, the rest a moment later.
            Files.write(file, line.substring(0, half).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            // The half line must not be printed: the output stays at one line while the follower polls it.
            Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> Files.readAllLines(out).size() == 1);
            Files.write(file, line.substring(half).getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> Files.readAllLines(out).size() == 2);
            assertThat(parse(Files.readAllLines(out))).containsExactly(events.get(events.size() - 1), next);
        } finally {
            follower.destroyForcibly().waitFor();
        }
    }
}
