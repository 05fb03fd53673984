package dev.telltale.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.api.EventType;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.store.chronicle.EventLog;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL driven through standard input in both builds of the same sources: the plain build
 * (target/classes, run with only the api and JLine) and the events build (target/classes-events,
 * run with the runtime and the Chronicle store), each in its own JVM.
 */
class ReplTest {

    private static final String SCRIPT = String.join(
                    "\n",
                    "cbu.create name=Acme",
                    "cbu.get id=cbu-1",
                    "cbu.get id=cbu-99",
                    "cbu.create",
                    "report.crash",
                    "cbu.rename id=cbu-1 name=Acme2",
                    "cbu.frobnicate",
                    ":events",
                    ":quit",
                    "cbu.list")
            + "\n";

    private static final List<String> COMMAND_OUTPUT = List.of(
            "cbu-1",
            "Acme",
            "error 404: no entity with id cbu-99",
            "error 422: cbu.create needs name=…",
            "error: IllegalStateException: report engine crashed: division by zero in totals",
            "cbu-1 renamed",
            "error 400: unknown verb cbu.frobnicate");

    @TempDir
    Path dir;

    private List<String> runRepl(List<String> classPath, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : System.getProperty("telltale.jvm.flags").trim().split("\\s+")) {
            command.add(flag);
        }
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(Repl.class.getName());
        Process repl = new ProcessBuilder(command)
                .redirectError(dir.resolve("repl.err").toFile())
                .start();
        repl.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
        repl.getOutputStream().close();
        String out = new String(repl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(repl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(repl.exitValue())
                .as(Files.readString(dir.resolve("repl.err")))
                .isZero();
        return out.lines().toList();
    }

    @Test
    void plainBuild_runsEveryCommandAndSaysEventsAreCompiledOut() throws Exception {
        assumeFalse(Boolean.getBoolean("events.build"), "built with -Pevents: there are no plain classes to test");
        Path plain = Path.of(System.getProperty("plain.classes"));
        try (Stream<Path> files = Files.walk(plain)) {
            assertThat(files.map(Path::toString))
                    .as("the plain build's classes, %s", plain)
                    .noneMatch(name -> name.endsWith("_Events.class"));
        }
        List<String> output = runRepl(
                List.of(
                        System.getProperty("plain.classes"),
                        System.getProperty("api.jar"),
                        System.getProperty("jline.jar")),
                List.of());

        assertThat(output.subList(0, COMMAND_OUTPUT.size())).containsExactlyElementsOf(COMMAND_OUTPUT);
        assertThat(output.get(COMMAND_OUTPUT.size()))
                .isEqualTo("events: events are compiled out: built without the events profile");
        assertThat(output.get(COMMAND_OUTPUT.size() + 1))
                .isEqualTo("  conversation 21 entries logged (7 user_input,"
                        + " 7 dsl_command, 3 response, 4 error), not recorded (events are compiled out)");
        assertThat(output).hasSize(COMMAND_OUTPUT.size() + 2);
    }

    @Test
    void eventsBuild_runsTheSameAndRecordsEveryCommandWithMatchingFigures() throws Exception {
        Path queue = dir.resolve("events");
        List<String> output = runRepl(
                List.of(System.getProperty("events.classes"), System.getProperty("java.class.path")),
                List.of("-Dtelltale.store=chronicle", "-Dtelltale.store.dir=" + queue));

        assertThat(output.subList(0, COMMAND_OUTPUT.size())).containsExactlyElementsOf(COMMAND_OUTPUT);
        List<String> health = output.subList(COMMAND_OUTPUT.size(), output.size());
        assertThat(health.get(0)).isEqualTo("events: HEALTHY");
        // SessionStarted, seven commands and 21 conversation entries (each line's input, its command,
        // its response or error) were emitted before :events; all persisted, none dropped.
        assertThat(health)
                .contains(
                        "  emitted    29",
                        "  persisted  29",
                        "  lost       0 (store failures: 0)",
                        "  conversation 21 entries logged (7 user_input, 7 dsl_command, 3 response, 4 error),"
                                + " recorded with the events above");
        assertThat(health).anySatisfy(line -> assertThat(line).startsWith("  dropped    0 "));
        assertThat(health)
                .anySatisfy(line -> assertThat(line).startsWith("  store      chronicle " + queue.toAbsolutePath()));

        List<DslEvent> recorded = new ArrayList<>();
        List<EventPayload.SessionEntry> conversation = new ArrayList<>();
        try (EventLog log = EventLog.open(queue);
                EventCursor cursor = log.cursor(new Position.Start())) {
            for (RecordedEvent event = cursor.next(); event != null; event = cursor.next()) {
                if (event.event().type() == EventType.RECORDER_ACCOUNT) {
                    continue; // the recorder's own (its final account): not one of the REPL's events
                }
                if (event.event().payload() instanceof EventPayload.SessionEntry entry) {
                    conversation.add(entry);
                } else {
                    recorded.add(event.event());
                }
            }
        }
        // Every command's entry refers to that command's event; the error shown for it too.
        List<EventRef> commands = recorded.stream()
                .filter(e -> e.type().wireName().startsWith("command_"))
                .map(EventRef::to)
                .toList();
        assertThat(conversation)
                .filteredOn(entry -> entry.entryType() == EntryType.DSL_COMMAND)
                .extracting(EventPayload.SessionEntry::event)
                .containsExactlyElementsOf(commands);
        assertThat(conversation)
                .filteredOn(entry -> entry.entryType() == EntryType.USER_INPUT)
                .extracting(EventPayload.SessionEntry::content)
                .containsExactlyElementsOf(List.of(SCRIPT.split("\n")).subList(0, 7));
        assertThat(conversation)
                .extracting(EventPayload.SessionEntry::entryNo)
                .containsExactlyElementsOf(
                        java.util.stream.LongStream.rangeClosed(1, 21).boxed().toList());
        assertThat(recorded)
                .extracting(DslEvent::type)
                .containsExactly(
                        EventType.SESSION_STARTED,
                        EventType.COMMAND_SUCCEEDED,
                        EventType.COMMAND_SUCCEEDED,
                        EventType.COMMAND_FAILED,
                        EventType.COMMAND_FAILED,
                        EventType.COMMAND_FAILED,
                        EventType.COMMAND_SUCCEEDED,
                        EventType.COMMAND_FAILED,
                        EventType.SESSION_ENDED);
        assertThat(recorded)
                .extracting(DslEvent::sessionId)
                .containsOnly(recorded.get(0).sessionId());
        EventPayload.CommandFailed notFound =
                (EventPayload.CommandFailed) recorded.get(3).payload();
        assertThat(notFound.verb()).isEqualTo("cbu.get");
        assertThat(notFound.error().httpStatus()).isEqualTo(404);
        assertThat(notFound.error().sourceId()).isEqualTo("cbu-99");
        EventPayload.SessionEnded ended =
                (EventPayload.SessionEnded) recorded.get(8).payload();
        assertThat(ended.commandCount()).isEqualTo(7);
        assertThat(ended.errorCount()).isEqualTo(4);
    }
}
