package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SessionLogger} and {@link TelltaleSession#lastCommand()} with a runtime installed, in a child
 * JVM ({@link SessionLogChild}): what the logger emits, what the session refers to, and a runtime whose
 * sink throws.
 */
class SessionLogRecordedTest {

    private static ChildJvm.Result recorded;
    private static ChildJvm.Result throwing;

    @BeforeAll
    static void runTheChild(@TempDir Path dir) throws Exception {
        recorded = ChildJvm.run(
                Files.createDirectory(dir.resolve("recorded")), SessionLogChild.Recording.class, SessionLogChild.class);
        throwing = ChildJvm.run(
                Files.createDirectory(dir.resolve("throwing")),
                SessionLogChild.Recording.class,
                SessionLogChild.class,
                "throwing");
    }

    private static List<String> said(ChildJvm.Result child, String name) {
        assertThat(child.exitCode()).as(child.err()).isZero();
        return child.out()
                .lines()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .toList();
    }

    private static String saidOnce(ChildJvm.Result child, String name) {
        List<String> values = said(child, name);
        assertThat(values).as(name + " in " + child.out()).hasSize(1);
        return values.get(0);
    }

    @Test
    void logMethods_returnTheEntryNumbersAndCountByType() {
        assertThat(saidOnce(recorded, "numbers")).isEqualTo("[1, 2, 3, 4, 5, 6]");
        assertThat(saidOnce(recorded, "counts"))
                .isEqualTo("{USER_INPUT=2, AGENT_THOUGHT=1, DSL_COMMAND=1, RESPONSE=1, ERROR=1} 6 2");
    }

    @Test
    void logMethods_emitOneEntryEachInTheLoggersSession_nullContentAsEmpty_refsToTheCommands() {
        String refOfSucceeded = saidOnce(recorded, "refOfSucceeded");
        String refOfFailed = saidOnce(recorded, "refOfFailed");

        assertThat(said(recorded, "entry"))
                .containsExactly(
                        "in the session SessionEntry[entryType=USER_INPUT, entryNo=1, source=REPL, content=create a cbu, event=null]",
                        "in the session SessionEntry[entryType=AGENT_THOUGHT, entryNo=2, source=REPL, content=, event=null]",
                        "in the session SessionEntry[entryType=DSL_COMMAND, entryNo=3, source=REPL, "
                                + "content=(cbu.create :name \"x\"), event=" + refOfSucceeded + "]",
                        "in the session SessionEntry[entryType=RESPONSE, entryNo=4, source=REPL, content=created, event=null]",
                        "in the session SessionEntry[entryType=USER_INPUT, entryNo=5, source=REPL, content=get it, event=null]",
                        "in the session SessionEntry[entryType=ERROR, entryNo=6, source=REPL, content=no such cbu, event="
                                + refOfFailed + "]");
    }

    @Test
    void lastCommand_isEmptyBeforeTheFirstCommand_thenRefersToTheEventEmittedForEach() {
        assertThat(saidOnce(recorded, "lastBefore")).isEqualTo("Optional.empty");
        assertThat(saidOnce(recorded, "lastAfterSucceeded"))
                .isEqualTo(saidOnce(recorded, "refOfSucceeded"))
                .startsWith("EventRef[sessionId=" + SessionLogChild.SESSION + ", epochNanos=")
                .endsWith(", verb=cbu.create]");
        assertThat(saidOnce(recorded, "lastAfterFailed"))
                .isEqualTo(saidOnce(recorded, "refOfFailed"))
                .endsWith(", verb=cbu.get]");
    }

    @Test
    void logMethods_whenTheRuntimesSinkThrows_neitherThrowNorLoseTheirNumbers() {
        assertThat(saidOnce(throwing, "numbers")).isEqualTo("[1, 2, 3, 4, 5, 6]");
        assertThat(said(throwing, "entry")).hasSize(6);
        assertThat(saidOnce(throwing, "lastAfterFailed")).isEqualTo(saidOnce(throwing, "refOfFailed"));
        assertThat(throwing.err()).doesNotContain("the sink broke");
    }
}
