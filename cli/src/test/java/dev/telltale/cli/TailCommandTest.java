package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.json.EventJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailCommandTest {

    @TempDir
    Path dir;

    private final UUID first = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001");
    private final UUID second = UUID.fromString("7b1d0a22-0000-4000-8000-000000000002");
    private final List<DslEvent> events = new ArrayList<>();

    @BeforeEach
    void writeTwoSessions() throws Exception {
        events.addAll(Events.session(first, 12, Events.T0));
        events.addAll(Events.session(second, 6, Events.T0 + 1_000_000_000L));
        Cli.write(dir, events);
    }

    static List<DslEvent> parse(List<String> lines) throws Exception {
        List<DslEvent> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(EventJson.fromJson(line));
        }
        return parsed;
    }

    @Test
    void tail_withoutFrom_printsTheLastTenEvents() throws Exception {
        Cli.Result result = Cli.run("tail", dir.toString(), "--format", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(parse(result.lines())).containsExactlyElementsOf(events.subList(events.size() - 10, events.size()));
    }

    @Test
    void tail_fromStart_printsEveryEventInOrder() throws Exception {
        Cli.Result result = Cli.run("tail", dir.toString(), "--from", "start", "--format", "json");

        assertThat(parse(result.lines())).containsExactlyElementsOf(events);
    }

    @Test
    void tail_withN_limitsTheCount() throws Exception {
        assertThat(Cli.run("tail", dir.toString(), "-n", "3").lines()).hasSize(3);
        assertThat(parse(Cli.run("tail", dir.toString(), "--from", "start", "-n", "2", "--format", "json")
                        .lines()))
                .containsExactlyElementsOf(events.subList(0, 2));
    }

    @Test
    void tail_filters_byVerbGlobFailureAndSession() throws Exception {
        List<DslEvent> failedCbuOfFirst = parse(Cli.run(
                        "tail",
                        dir.toString(),
                        "--from",
                        "start",
                        "--format",
                        "json",
                        "--verb",
                        "cbu.*",
                        "--failed",
                        "--session",
                        first.toString())
                .lines());

        assertThat(failedCbuOfFirst).isNotEmpty().allSatisfy(event -> {
            assertThat(event.sessionId()).isEqualTo(first);
            assertThat(event.type().wireName()).isEqualTo("command_failed");
            assertThat(event.commandVerb()).startsWith("cbu.");
        });
        long expected = events.stream()
                .filter(e -> first.equals(e.sessionId()))
                .filter(e -> e.type().wireName().equals("command_failed"))
                .filter(e -> e.commandVerb().startsWith("cbu."))
                .count();
        assertThat(failedCbuOfFirst).hasSize((int) expected);
    }

    @Test
    void tail_text_isOneAlignedLinePerEventWithoutColourWhenPiped() {
        List<String> lines =
                Cli.run("tail", dir.toString(), "--from", "start", "-n", "5").lines();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("3f2a9c1e").contains("session started (REPL)");
        assertThat(lines.get(1))
                .contains("3f2a9c1e")
                .contains("cbu.create")
                .contains("ok")
                .contains("1.000 ms");
        assertThat(lines.get(3)).contains("report.run").contains("ok");
        assertThat(lines.get(4)).contains("cbu.create").contains("FAILED").contains("IllegalStateException: failure 3");
        assertThat(String.join("\n", lines)).doesNotContain("\u001B[");
        assertThat(lines.get(3).indexOf("report.run"))
                .as("aligned")
                .isEqualTo(lines.get(4).indexOf("cbu.create"));
        assertThat(lines.get(3).indexOf(" ok"))
                .as("aligned")
                .isEqualTo(lines.get(4).indexOf(" FAILED"));
    }

    @Test
    void tail_sessionEntries_printsOneLineEach_andJsonExactlyEvenForTheLongestContent() throws Exception {
        Path queue = dir.resolve("entries");
        EventRef ref = new EventRef(first, Events.T0 + 1, "cbu.create");
        List<DslEvent> entries = List.of(
                DslEvent.sessionEntry(
                        Events.T0 + 2,
                        first,
                        new EventPayload.SessionEntry(EntryType.DSL_COMMAND, 3, "REPL", "(cbu.create)", ref)),
                DslEvent.sessionEntry(
                        Events.T0 + 3,
                        first,
                        new EventPayload.SessionEntry(
                                EntryType.AGENT_THOUGHT,
                                4,
                                "REPL",
                                "\uD800".repeat(EventPayload.MAX_CONTENT_LENGTH),
                                null)));
        Cli.write(queue, entries);

        List<String> text = Cli.run("tail", queue.toString(), "--from", "start").lines();
        Cli.Result json = Cli.run("tail", queue.toString(), "--from", "start", "--format", "json");

        assertThat(text).hasSize(2);
        assertThat(text.get(0)).endsWith("  3f2a9c1e  session_entry dsl_command #3 \"(cbu.create)\" -> cbu.create");
        assertThat(text.get(1))
                .endsWith(
                        "session_entry agent_thought #4 \"" + "\\ud800".repeat(TextFormat.MAX_CONTENT_SHOWN) + "\"...");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(parse(json.lines())).containsExactlyElementsOf(entries);
    }

    @Test
    void tail_fromATime_startsAtTheFirstEventAtOrAfterIt() throws Exception {
        String time = events.get(20).timestamp().toString();

        List<DslEvent> tail = parse(Cli.run("tail", dir.toString(), "--from", time, "--format", "json")
                .lines());

        assertThat(tail).containsExactlyElementsOf(events.subList(20, events.size()));
    }

    @Test
    void tail_withAHugeN_printsEverythingWithoutHoldingItInMemory() throws Exception {
        Cli.Result result = Cli.run("tail", dir.toString(), "-n", "2147483647", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(parse(result.lines())).containsExactlyElementsOf(events);
    }

    @Test
    void tail_lastN_withAFilter_countsOnlyMatchingEvents() throws Exception {
        List<DslEvent> failed = events.stream()
                .filter(e -> e.type().wireName().equals("command_failed"))
                .toList();

        Cli.Result result = Cli.run("tail", dir.toString(), "-n", "2", "--failed", "--format", "json");

        assertThat(parse(result.lines())).containsExactlyElementsOf(failed.subList(failed.size() - 2, failed.size()));
    }

    @Test
    void tail_n0_printsNothing() {
        Cli.Result result = Cli.run("tail", dir.toString(), "-n", "0");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void tailFollow_onADirectoryThatDoesNotExistYet_waitsForItThenPrintsItsEvents() throws Exception {
        Path later = dir.resolve("later");
        Path out = dir.resolve("follow.out");
        Process follower = Cli.childJvm(
                        TelltaleMain.class.getName(), "tail", later.toString(), "-f", "--format", "json")
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("follow.err").toFile())
                .start();
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.readString(dir.resolve("follow.err"))
                            .contains("waiting for " + later));
            Cli.write(later, events.subList(0, 3));

            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.readAllLines(out).size() == 3);
            assertThat(parse(java.nio.file.Files.readAllLines(out))).containsExactlyElementsOf(events.subList(0, 3));
            assertThat(follower.isAlive()).isTrue();
        } finally {
            follower.destroyForcibly().waitFor();
        }
    }

    @Test
    void tailFollow_whenTheDirectoryIsDeleted_exitsWithAnErrorNamingIt() throws Exception {
        Path queue = dir.resolve("deleted-later");
        Cli.write(queue, events);
        Path out = dir.resolve("follow.out");
        Path err = dir.resolve("follow.err");
        Process follower = Cli.childJvm(TelltaleMain.class.getName(), "tail", queue.toString(), "-f")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> java.nio.file.Files.readAllLines(out).size() == 10);
            try (var paths = java.nio.file.Files.walk(queue)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(path);
                }
            }

            assertThat(follower.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(follower.exitValue()).isEqualTo(TelltaleMain.FAILED);
            assertThat(Cli.ownErrorLines(err))
                    .isEqualTo("telltale: " + queue + ": the directory was deleted while it was followed\n");
        } finally {
            follower.destroyForcibly().waitFor();
        }
    }
}
