package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.store.chronicle.ChronicleEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zero-filled cycle file in the middle of a queue (a crash right after a roll): every reading
 * command fails with one line naming it and exit code 1, never a short read with exit code 0; with
 * {@code --skip-damaged} each reads everything else and says what it skipped.
 */
class DamagedQueueTest {

    @TempDir
    Path dir;

    private Path queue;
    private Path damaged;
    private final List<DslEvent> good = new ArrayList<>();

    @BeforeEach
    void writeThreeCyclesAndZeroTheMiddleOne() throws Exception {
        queue = dir.resolve("events");
        UUID session = UUID.randomUUID();
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(
                java.time.Instant.parse("2026-11-27T04:00:00Z").toEpochMilli());
        try (ChronicleEventStore store = ChronicleEventStore.builder(queue)
                .rollCycle("TEST_SECONDLY")
                .clock(clock::get)
                .open()) {
            for (int cycle = 0; cycle < 3; cycle++) {
                List<DslEvent> batch = Events.session(session, 4, Events.T0 + cycle * 1_000_000_000L);
                store.append(batch);
                if (cycle != 1) {
                    good.addAll(batch);
                }
                // TEST_SECONDLY: the next batch goes into the next cycle file.
                clock.addAndGet(1_000);
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(queue)) {
            files = list.filter(file -> file.toString().endsWith(".cq4"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSize(3);
        damaged = files.get(1);
        Files.write(damaged, new byte[(int) Math.min(Files.size(damaged), 1 << 20)]);
    }

    private void assertFailsNamingTheFile(Cli.Result result) {
        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .startsWith("telltale: " + damaged + ": damaged cycle file: its header is all zeros");
    }

    @Test
    void tailStatsAndExport_failNamingTheDamagedFile() {
        assertFailsNamingTheFile(Cli.run("tail", queue.toString()));
        assertFailsNamingTheFile(Cli.run("stats", queue.toString()));
        assertFailsNamingTheFile(
                Cli.run("report", queue.toString(), "-o", dir.resolve("r.html").toString()));
        assertThat(dir.resolve("r.html")).doesNotExist();
        Cli.Result export = Cli.run(
                "export",
                "jsonl",
                queue.toString(),
                "--out",
                dir.resolve("out.jsonl").toString());
        assertFailsNamingTheFile(export);
        assertThat(dir.resolve("out.jsonl")).doesNotExist();
    }

    @Test
    void skipDamaged_exportsEveryOtherEventAndSaysWhatItSkipped() throws IOException {
        Path out = dir.resolve("out.jsonl");
        Cli.Result result = Cli.run("export", "jsonl", queue.toString(), "--out", out.toString(), "--skip-damaged");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).startsWith("telltale: skipping 1 damaged cycle file: [" + damaged + "]");
        List<DslEvent> exported = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            exported.add(dev.telltale.json.EventJson.fromJson(line));
        }
        assertThat(exported).containsExactlyElementsOf(good);
    }

    @Test
    void skipDamaged_tailAndStatsReadEverythingElse() throws IOException {
        Cli.Result tail = Cli.run("tail", queue.toString(), "--from", "start", "--skip-damaged");
        assertThat(tail.exitCode()).as(tail.err()).isZero();
        assertThat(tail.lines()).hasSize(good.size());

        Cli.Result stats = Cli.run("stats", queue.toString(), "--skip-damaged");
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).startsWith("events     " + good.size() + " ");

        Path page = dir.resolve("r.html");
        Cli.Result report = Cli.run("report", queue.toString(), "-o", page.toString(), "--skip-damaged");
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("wrote a report of " + good.size() + " events to " + page);
        assertThat(ReportCommandTest.data(page))
                .as("the page says what was skipped")
                .contains("\"skipped\":[\"skipping 1 damaged cycle file: [" + damaged);
    }
}
