package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear line, a non-zero exit, no stack trace unless --verbose. */
class CliErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Cli.Result result, int exitCode, String... fragments) {
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.err()).startsWith("telltale: ");
        for (String fragment : fragments) {
            assertThat(result.err()).contains(fragment);
        }
        assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void tail_ofAMissingDirectory_failsWithOneLine() {
        Path missing = dir.resolve("nope");

        Cli.Result result = Cli.run("tail", missing.toString());

        assertOneLine(
                result,
                TelltaleMain.FAILED,
                "no event source reads '" + missing + "' (no such file or directory);",
                "chronicle reads a Chronicle queue directory",
                "jsonl reads a JSON Lines file");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void stats_ofADirectoryWithoutQueueFiles_failsWithOneLine() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertOneLine(
                Cli.run("stats", dir.toString()),
                TelltaleMain.FAILED,
                "no event source reads '" + dir + "' (a directory); chronicle reads a Chronicle queue directory"
                        + " (holding .cq4 files, event layout 1); jsonl reads a JSON Lines file (schema version 1)");
    }

    @Test
    void tail_ofACorruptCycleFile_failsNamingIt() throws Exception {
        Cli.write(dir, Events.session(UUID.randomUUID(), 5, Events.T0));
        Path cycle;
        try (var files = Files.list(dir)) {
            cycle = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        byte[] garbage = new byte[64 * 1024];
        java.util.Arrays.fill(garbage, (byte) 0x5A);
        Files.write(cycle, garbage);

        Cli.Result result = Cli.run("tail", dir.toString(), "--from", "start");

        assertOneLine(result, TelltaleMain.FAILED, cycle.toString());
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void verbose_addsTheStackTrace() {
        Cli.Result result = Cli.run("--verbose", "tail", dir.resolve("nope").toString());

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err()).contains("\tat ");
    }

    @Test
    void badFrom_isAUsageErrorNamingTheValue() {
        Cli.Result result = Cli.run("tail", dir.toString(), "--from", "yesterday");

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(result.err()).contains("'yesterday'").contains("--from").doesNotContain("\tat ");
    }

    @Test
    void badOptions_areUsageErrors() {
        assertThat(Cli.run("tail", dir.toString(), "-n", "-1").exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(Cli.run("tail", dir.toString(), "--session", "not-a-uuid").exitCode())
                .isEqualTo(TelltaleMain.USAGE);
        assertThat(Cli.run("stats", dir.toString(), "--by", "colour").exitCode())
                .isEqualTo(TelltaleMain.USAGE);
        assertThat(Cli.run("export", "jsonl", dir.toString(), "--out", "-", "--resume", "x")
                        .err())
                .contains("--resume needs --out FILE");
        assertThat(Cli.run("export", "jsonl", dir.toString(), "--out", "x.jsonl", "--resume", "a/b")
                        .exitCode())
                .isEqualTo(TelltaleMain.USAGE);
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(Cli.run().exitCode()).isEqualTo(TelltaleMain.USAGE);
    }

    @Test
    void exportPostgres_eitherASourceOrFromKafka_eachWithItsOwnOptions() {
        String url = "jdbc:postgresql://localhost:1/x";
        assertOneLine(
                Cli.run("export", "postgres", "--jdbc-url", url),
                TelltaleMain.USAGE,
                "Missing required parameter: 'DIR|FILE' (or --from-kafka)");
        assertOneLine(
                Cli.run("export", "postgres", "--from-kafka", "--topic", "t", "--jdbc-url", url),
                TelltaleMain.USAGE,
                "--from-kafka needs --bootstrap-servers, --topic and --group");
        String[] kafka = {"--from-kafka", "--bootstrap-servers", "localhost:1", "--topic", "t", "--group", "g"};
        assertOneLine(
                Cli.run(Cli.concat(new String[] {"export", "postgres", dir.toString(), "--jdbc-url", url}, kafka)),
                TelltaleMain.USAGE,
                "--from-kafka reads no DIR|FILE, got '" + dir + "'");
        assertOneLine(
                Cli.run(Cli.concat(new String[] {"export", "postgres", "--resume", "n", "--jdbc-url", url}, kafka)),
                TelltaleMain.USAGE,
                "--resume is for a DIR|FILE; with --from-kafka the group keeps the offsets");
        assertOneLine(
                Cli.run("export", "postgres", dir.toString(), "--group", "g", "--jdbc-url", url),
                TelltaleMain.USAGE,
                "--bootstrap-servers, --topic, --group and --kafka-properties need --from-kafka");
    }

    @Test
    void anUnknownCommand_isOneLineAndAUsageError_whateverFollowsIt() {
        for (String[] args :
                new String[][] {{"NOSUCH"}, {"NOSUCH", "--help"}, {"--verbose", "NOSUCH", "-h"}, {"NOSUCH", "--version"}
                }) {
            Cli.Result result = Cli.run(args);

            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(TelltaleMain.USAGE);
            assertThat(result.err().lines())
                    .singleElement()
                    .isEqualTo("telltale: unknown command 'NOSUCH'; the commands of 'telltale' are tail, export,"
                            + " stats, report, migrate, generate-completion");
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void anUnknownExportTarget_isOneLineAndAUsageError() {
        Cli.Result result = Cli.run("export", "kafka\u001b[2J", "--help");

        assertThat(result.exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(result.err().lines())
                .singleElement()
                .isEqualTo("telltale: unknown command 'kafka\\u001b[2J'; the commands of 'telltale export' are"
                        + " jsonl, postgres, kafka");
    }

    @Test
    void helpOfAKnownCommand_stillWorks() {
        assertThat(Cli.run("export", "--help").exitCode()).isZero();
        assertThat(Cli.run("--verbose", "export", "jsonl", "--help").out()).contains("--resume");
    }

    @Test
    void aPasswordInAJdbcUrl_isInNoMessage() {
        for (String url : List.of(
                "jdbc:postgresql://ada:SECRET@127.0.0.1:1/telltale?password=SECRET2",
                "jdbc:mysql://ada:SECRET@db/telltale")) {
            Cli.Result result = Cli.run("migrate", "--jdbc-url", url);

            assertThat(result.exitCode()).as(url).isNotZero();
            assertThat(result.err())
                    .as(url)
                    .doesNotContain("SECRET")
                    .containsAnyOf("//127.0.0.1:1/telltale", "//db/telltale");
        }
    }

    @Test
    void helpVersionAndCompletion_work() {
        Cli.Result help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out())
                .contains("tail")
                .contains("export")
                .contains("stats")
                .contains("Exit codes");
        assertThat(Cli.run("tail", "--help").out()).contains("--follow").contains("--verb");
        assertThat(Cli.run("export", "jsonl", "--help").out()).contains("--resume");
        assertThat(Cli.run("--version").out())
                .as("the build's version, filtered in; what each source reads; the Java")
                .matches("(?s)telltale \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"
                        + "chronicle reads a Chronicle queue directory \\(holding \\.cq4 files, event layout 1\\)\\R"
                        + "jsonl reads a JSON Lines file \\(schema version 1\\)\\R"
                        + "tsv reads tsv:FILE \\(the CLI's tests only\\)\\RJava \\S+\\R");
        Cli.Result completion = Cli.run("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete").contains("telltale");
    }
}
