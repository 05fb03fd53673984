package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

        assertOneLine(result, TelltaleMain.FAILED, missing.toString(), "not a Telltale event directory");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void stats_ofADirectoryWithoutQueueFiles_failsWithOneLine() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertOneLine(Cli.run("stats", dir.toString()), TelltaleMain.FAILED, "not a Telltale event directory");
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
                .as("the build's version, filtered in; the layout; the Java")
                .matches("(?s)telltale \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R" + "Chronicle event layout 1\\RJava \\S+\\R");
        Cli.Result completion = Cli.run("generate-completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete").contains("telltale");
    }
}
