package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.store.jsonl.BadLinePolicy;
import dev.telltale.store.jsonl.JsonlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    static List<DslEvent> read(Path file) throws Exception {
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL);
                Stream<DslEvent> events = reader.events()) {
            return events.toList();
        }
    }

    @Test
    void export_toAFile_writesEveryEventOnce() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> events = Events.session(UUID.randomUUID(), 50, Events.T0);
        Cli.write(queue, events);
        Path out = dir.resolve("out.jsonl");

        Cli.Result result = Cli.run("export", "jsonl", queue.toString(), "--out", out.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(read(out)).containsExactlyElementsOf(events);
    }

    @Test
    void export_withUntil_stopsBeforeThatTime() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> events = Events.session(UUID.randomUUID(), 50, Events.T0);
        Cli.write(queue, events);
        Path out = dir.resolve("out.jsonl");

        Cli.run(
                "export",
                "jsonl",
                queue.toString(),
                "--out",
                out.toString(),
                "--until",
                events.get(30).timestamp().toString());

        assertThat(read(out)).containsExactlyElementsOf(events.subList(0, 30));
    }

    @Test
    void export_withResume_continuesWhereTheLastRunStoppedWithoutGapOrDuplicate() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> all = new ArrayList<>(Events.session(UUID.randomUUID(), 40, Events.T0));
        Cli.write(queue, all);
        Path out = dir.resolve("out.jsonl");
        String[] export = {
            "export",
            "jsonl",
            queue.toString(),
            "--out",
            out.toString(),
            "--resume",
            "nightly",
            "--checkpoint-every",
            "7"
        };

        assertThat(Cli.run(export).exitCode()).isZero();
        assertThat(Cli.run(export).exitCode()).as("a rerun with nothing new").isZero();
        assertThat(read(out)).containsExactlyElementsOf(all);

        List<DslEvent> more = Events.session(UUID.randomUUID(), 25, Events.T0 + 5_000_000_000L);
        Cli.write(queue, more);
        all.addAll(more);
        assertThat(Cli.run(export).exitCode()).isZero();

        assertThat(read(out)).containsExactlyElementsOf(all);
    }

    @Test
    void export_withResume_cutsBackLinesWrittenAfterTheLastCheckpoint() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> all = Events.session(UUID.randomUUID(), 30, Events.T0);
        Cli.write(queue, all);
        Path out = dir.resolve("out.jsonl");
        String[] export = {"export", "jsonl", queue.toString(), "--out", out.toString(), "--resume", "r1"};
        Cli.run(export);
        // As if a run had written lines and died before its checkpoint: the rerun must not keep them.
        Files.writeString(out, "{\"v\":1,\"partial\":", java.nio.file.StandardOpenOption.APPEND);

        Cli.run(export);

        assertThat(read(out)).containsExactlyElementsOf(all);
    }

    @Test
    void export_toStandardOutput_printsJsonLines() throws Exception {
        Path queue = dir.resolve("queue");
        List<DslEvent> events = Events.session(UUID.randomUUID(), 3, Events.T0);
        Cli.write(queue, events);

        Cli.Result result = Cli.run("export", "jsonl", queue.toString(), "--out", "-");

        assertThat(result.exitCode()).isZero();
        List<DslEvent> printed = new ArrayList<>();
        for (String line : result.lines()) {
            printed.add(dev.telltale.json.EventJson.fromJson(line));
        }
        assertThat(printed).containsExactlyElementsOf(events);
    }

    @Test
    void export_toAFullDevice_failsInOneLineNamingTheFile() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "/dev/full is Linux's always-full device");
        Path queue = dir.resolve("queue");
        Cli.write(queue, Events.session(UUID.randomUUID(), 3, Events.T0));

        Cli.Result result = Cli.run("export", "jsonl", queue.toString(), "--out", full.toString());

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err()).isEqualTo("telltale: /dev/full: No space left on device\n");
    }
}
