package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.EventRef;
import dev.telltale.api.HasSourceId;
import dev.telltale.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event content that tries to drive the terminal: every control character, in verbs, messages, source
 * ids and session-log entries, through {@code tail} and {@code stats}, in a pipe and on a real pseudo-terminal. One
 * event must stay one line and no control character may reach the screen; JSON stays exact.
 */
class HostileContentTest {

    /** Every C0 control, DEL and every C1 control, plus the Unicode line separators. */
    private static final String EVERY_CONTROL;

    static {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0xa0; c++) {
            if (Character.isISOControl(c)) {
                controls.append(c);
            }
        }
        EVERY_CONTROL = controls.append('\u2028').append('\u2029').toString();
    }

    private static final class Hostile extends IllegalStateException implements HasSourceId {
        private static final long serialVersionUID = 1L;

        Hostile() {
            super("msg\u001b]0;retitled\u0007 and " + EVERY_CONTROL);
        }

        @Override
        public String sourceId() {
            return "id\u001b[2J";
        }
    }

    @TempDir
    Path dir;

    private final List<DslEvent> events = new ArrayList<>();

    @BeforeEach
    void writeHostileEvents() throws Exception {
        UUID session = UUID.randomUUID();
        events.add(DslEvent.succeeded(Events.T0, session, "verb" + EVERY_CONTROL, 1_000));
        events.add(DslEvent.succeeded(
                Events.T0 + 1, session, "ok\r\n2026-11-27 04:31:27.123  forged  fake.verb  ok", 1_000));
        events.add(DslEvent.failed(Events.T0 + 2, session, "\u001b[2Jcleared", 2_000, new Hostile()));
        events.add(DslEvent.succeeded(
                Events.T0 + 3, session, "na\u00efve back\\slash\ttab\nnewline \uD83D\uDE00 lone\uD800 end", 1_000));
        events.add(DslEvent.sessionEntry(
                Events.T0 + 4,
                session,
                new EventPayload.SessionEntry(
                        EntryType.USER_INPUT,
                        1,
                        "src\u001b[2J",
                        "entry\u001b]0;retitled\u0007 " + EVERY_CONTROL + " \"quoted\" '); DROP TABLE x; --",
                        new EventRef(session, Events.T0 + 2, "\u001b[2Jcleared"))));
        Cli.write(dir, events);
    }

    private static void assertNoControlCharacters(String output, boolean colours) {
        for (char c : output.toCharArray()) {
            if (c == '\n' || colours && (c == '\u001b' || c == '\r')) {
                continue;
            }
            assertThat(Character.isISOControl(c) || c == '\u2028' || c == '\u2029')
                    .as("U+%04X in %s", (int) c, output)
                    .isFalse();
        }
    }

    @Test
    void tail_inAPipe_printsOneInertLinePerEvent() {
        Cli.Result result = Cli.run("tail", dir.toString(), "--from", "start");

        assertThat(result.exitCode()).isZero();
        assertThat(result.lines()).hasSize(events.size());
        assertNoControlCharacters(result.out(), false);
        assertThat(result.out())
                .contains(
                        "\\u001b[2Jcleared",
                        "\\u001b]0;retitled\\u0007",
                        "[id\\u001b[2J]",
                        "ok\\u000d\\u000a2026-11-27");
    }

    @Test
    void stats_byVerb_printsEscapedVerbs() {
        Cli.Result result = Cli.run("stats", dir.toString(), "--by", "verb");

        assertThat(result.exitCode()).isZero();
        assertNoControlCharacters(result.out(), false);
        assertThat(result.out()).contains("\\u001b[2Jcleared");
    }

    @Test
    void tail_json_staysExact() throws Exception {
        Cli.Result result = Cli.run("tail", dir.toString(), "--from", "start", "--format", "json");

        List<DslEvent> parsed = new ArrayList<>();
        for (String line : result.lines()) {
            parsed.add(EventJson.fromJson(line));
        }
        assertThat(parsed).containsExactlyElementsOf(events);
        assertThat(result.lines()).hasSize(events.size());
    }

    /** The real command in a child JVM on a pseudo-terminal ({@code script}): coloured, and still inert. */
    @Test
    void tail_onATerminal_printsColoursButNoControlCharacterFromTheEvents() throws Exception {
        Path typescript = dir.resolve("typescript");
        String command = String.join(
                " ",
                Cli.childJvm(TelltaleMain.class.getName(), "tail", dir.toString(), "--from", "start").command().stream()
                        .map(HostileContentTest::quoted)
                        .toList());
        Process script = new ProcessBuilder("script", "-qec", command, typescript.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.out").toFile())
                .start();
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue())
                .as(Files.readString(dir.resolve("script.out")))
                .isZero();

        String screen = Files.readString(typescript, StandardCharsets.UTF_8);
        assertThat(screen).as("coloured: a terminal was detected").contains("\u001b[");
        // Remove the colours Telltale itself writes (SGR sequences), then nothing else may remain.
        String withoutColours = screen.replaceAll("\u001b\\[[0-9;]*m", "").replace("\r\n", "\n");
        assertNoControlCharacters(withoutColours, false);
        assertThat(withoutColours).contains("\\u001b[2Jcleared", "\\u001b]0;retitled\\u0007");
        assertThat(withoutColours.lines().filter(line -> line.startsWith("2026-") || line.startsWith("20")))
                .hasSize(events.size());
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
