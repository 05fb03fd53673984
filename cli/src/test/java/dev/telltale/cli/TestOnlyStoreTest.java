package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.json.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store the command line has never heard of ({@link TsvSourceProvider}, on the test class path only)
 * is read by {@code tail}, {@code stats} and {@code export} like the stores Telltale ships.
 */
class TestOnlyStoreTest {

    @TempDir
    Path dir;

    private String tsv() throws IOException {
        Path file = dir.resolve("events.tsv");
        Files.writeString(
                file,
                String.join(
                                "\n",
                                Events.T0 + "\tcbu.create\t1500\tok",
                                (Events.T0 + 1_000) + "\tcbu.get\t2500\tfailed",
                                (Events.T0 + 2_000) + "\tcbu.create\t3500\tok")
                        + "\n");
        return "tsv:" + file;
    }

    @Test
    void tail_printsItsEvents() throws IOException {
        Cli.Result result = Cli.run("tail", tsv(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(result.lines().get(1)).contains("\"command_failed\"").contains("\"cbu.get\"");
    }

    @Test
    void tail_lastOne_andFromAPosition() throws IOException {
        String location = tsv();

        assertThat(Cli.run("tail", location, "-n", "1", "--format", "json").lines())
                .singleElement()
                .asString()
                .contains("3500");
        assertThat(Cli.run("tail", location, "--from", "2", "--format", "json").lines())
                .hasSize(2);
    }

    @Test
    void stats_countsItsEvents() throws IOException {
        Cli.Result result = Cli.run("stats", tsv());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("cbu.create").contains("cbu.get");
    }

    @Test
    void export_writesEveryEventExactlyOnce() throws IOException {
        String location = tsv();
        Path out = dir.resolve("out.jsonl");

        Cli.Result first = Cli.run("export", "jsonl", location, "--out", out.toString(), "--resume", "t");
        Cli.Result again = Cli.run("export", "jsonl", location, "--out", out.toString(), "--resume", "t");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("exported 3 events");
        assertThat(again.err()).contains("exported 0 events");
        List<DslEvent> exported = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            exported.add(EventJson.fromJson(line));
        }
        assertThat(exported).extracting(DslEvent::commandVerb).containsExactly("cbu.create", "cbu.get", "cbu.create");
    }

    @Test
    void aLocationNoProviderAccepts_isOneLineNamingEachProvider() {
        Cli.Result result = Cli.run("stats", "nowhere:at-all");

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .startsWith("telltale: no event source reads 'nowhere:at-all'")
                .contains("chronicle reads ")
                .contains("jsonl reads ")
                .contains("tsv reads tsv:FILE");
    }
}
