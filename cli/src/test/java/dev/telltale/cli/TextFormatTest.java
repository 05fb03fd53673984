package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.EventRef;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

/** How {@code tail} prints a session-log entry: one inert line, its content quoted and cut. */
class TextFormatTest {

    private static final UUID SESSION = UUID.fromString("3f2a9c1e-0000-4000-8000-000000000001");
    private static final String TIME = "2026-11-18 ";

    private final TextFormat format = new TextFormat(Ansi.OFF);

    private static DslEvent entry(EntryType type, long entryNo, String content, EventRef ref) {
        return DslEvent.sessionEntry(Events.T0, SESSION, new SessionEntry(type, entryNo, "REPL", content, ref));
    }

    @Test
    void format_entryWithARef_showsTypeNumberQuotedContentAndTheVerbItRefersTo() {
        String line = format.format(entry(
                EntryType.DSL_COMMAND,
                3,
                "(cbu.create :name \"x\")",
                new EventRef(SESSION, Events.T0 - 5, "cbu.create")));

        assertThat(line)
                .startsWith(TIME)
                .endsWith("  3f2a9c1e  session_entry dsl_command #3 \"(cbu.create :name \\\"x\\\")\" -> cbu.create");
    }

    @Test
    void format_entryWithoutARef_endsWithItsContent() {
        assertThat(format.format(entry(EntryType.USER_INPUT, 1, "", null)))
                .endsWith("  3f2a9c1e  session_entry user_input #1 \"\"");
    }

    @Test
    void format_hostileContent_isOneLineWithEveryControlEscaped() {
        String line = format.format(entry(
                EntryType.ERROR,
                2,
                "\u0000nul\u001b[2J\r\nforged\\ \u2028 lone\uD800",
                new EventRef(SESSION, 1, "verb\u001b]0;x\u0007")));

        assertThat(line)
                .endsWith("session_entry error #2 \"\\u0000nul\\u001b[2J\\u000d\\u000aforged\\\\ \\u2028 lone\\ud800\""
                        + " -> verb\\u001b]0;x\\u0007");
        assertThat(line.chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028');
    }

    @Test
    void format_longContent_isCutForTheTerminalWithoutSplittingASurrogatePair() {
        String fits = "a".repeat(TextFormat.MAX_CONTENT_SHOWN);
        String pairAcrossTheCut = "b".repeat(TextFormat.MAX_CONTENT_SHOWN - 1) + "\uD83D\uDE00" + "c".repeat(1 << 20);

        assertThat(format.format(entry(EntryType.RESPONSE, 4, fits, null))).endsWith("\"" + fits + "\"");
        assertThat(format.format(entry(EntryType.RESPONSE, 4, fits + "z", null)))
                .endsWith("\"" + fits + "\"...");
        assertThat(format.format(entry(EntryType.RESPONSE, 5, pairAcrossTheCut, null)))
                .endsWith("#5 \"" + "b".repeat(TextFormat.MAX_CONTENT_SHOWN - 1) + "\"...");
    }
}
