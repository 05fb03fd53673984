package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code telltale report} from the command line: what it writes, and its one-line errors. Its page in a browser: {@link ReportBrowserTest}. */
class ReportCommandTest {

    @TempDir
    Path dir;

    /** The JSON the page carries. */
    static String data(Path page) throws IOException {
        Matcher block = Pattern.compile(
                        "<script type=\"application/json\" id=\"telltale-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(Files.readString(page));
        assertThat(block.find()).as("the page's data").isTrue();
        return block.group(1);
    }

    private Path queueOf(List<DslEvent> events) throws IOException {
        Path queue = dir.resolve("events");
        Cli.write(queue, events);
        return queue;
    }

    @Test
    void aQueue_givesAnOwnerOnlyPage_withItsCounts_andAWindowCutsIt() throws IOException {
        UUID session = UUID.randomUUID();
        Path queue = queueOf(Events.session(session, 4, Events.T0));
        Path page = dir.resolve("report.html");

        Cli.Result result = Cli.run("report", queue.toString(), "-o", page.toString(), "--session", session.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("wrote a report of 6 events to " + page + " (");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page)))
                .isEqualTo("rw-------");
        assertThat(data(page))
                .contains("\"events\":6,\"commands\":4,")
                .contains("\"conversation\":{\"session\":\"" + session + "\",\"found\":true");

        String from = java.time.Instant.ofEpochSecond(0, Events.T0 + 1).toString();
        Cli.Result windowed = Cli.run("report", queue.toString(), "-o", page.toString(), "--from", from);
        assertThat(windowed.exitCode()).as(windowed.err()).isZero();
        assertThat(windowed.out()).startsWith("wrote a report of 5 events");
        assertThat(data(page)).contains("\"window\":{\"from\":");
    }

    @Test
    void anEmptySource_givesAPageThatSaysSo() throws IOException {
        Path queue = Files.createFile(dir.resolve("events.jsonl"));
        Path page = dir.resolve("report.html");

        Cli.Result result = Cli.run("report", queue.toString(), "-o", page.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(data(page)).contains("\"events\":0,");
    }

    @Test
    void anOutputThatCannotBeWritten_isOneLine_exitOne() throws IOException {
        Path queue = queueOf(Events.session(UUID.randomUUID(), 2, Events.T0));
        Path missing = dir.resolve("no/such/dir/report.html");

        Cli.Result result = Cli.run("report", queue.toString(), "-o", missing.toString());
        assertThat(result.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(result.err().lines())
                .singleElement()
                .isEqualTo("telltale: cannot write the report to " + missing + ": no such directory");

        Cli.Result onADirectory = Cli.run("report", queue.toString(), "-o", dir.toString());
        assertThat(onADirectory.exitCode()).isEqualTo(TelltaleMain.FAILED);
        assertThat(onADirectory.err())
                .isEqualTo("telltale: cannot write the report to " + dir + ": it is a directory\n");
    }

    @Test
    void badWindows_areUsageErrors() throws IOException {
        Path queue = Files.createFile(dir.resolve("events.jsonl"));
        String out = dir.resolve("r.html").toString();

        Cli.Result backwards = Cli.run(
                "report",
                queue.toString(),
                "-o",
                out,
                "--from",
                "2026-01-02T00:00:00Z",
                "--until",
                "2026-01-01T00:00:00Z");
        assertThat(backwards.exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(backwards.err()).startsWith("telltale: --from 2026-01-02T00:00:00Z is not before --until");

        Cli.Result notATime = Cli.run("report", queue.toString(), "-o", out, "--from", "yesterday\u001b[31m");
        assertThat(notATime.exitCode()).isEqualTo(TelltaleMain.USAGE);
        assertThat(notATime.err())
                .contains("expected a time such as 2026-11-27T04:00:00Z")
                .doesNotContain("\u001b");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }
}
