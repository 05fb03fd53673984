package dev.telltale.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import dev.telltale.api.HasHttpStatus;
import dev.telltale.api.HasSourceId;
import dev.telltale.api.SessionSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as text: what it inlines, how it escapes, how big it gets, how it is written. Its look: the browser test in cli. */
class ReportPageTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_765_000_000L * SECOND;
    private static final String HOSTILE = "</script><script>window.__pwned=1</script>\u0007\u001b[31m\ud800\u2028&<!--";

    @TempDir
    Path dir;

    static final class NotFound extends RuntimeException implements HasSourceId, HasHttpStatus {
        NotFound(String message) {
            super(message);
        }

        @Override
        public String sourceId() {
            return HOSTILE;
        }

        @Override
        public int httpStatus() {
            return 404;
        }
    }

    private static String dataOf(String page) {
        Matcher block = Pattern.compile(
                        "<script type=\"application/json\" id=\"telltale-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(block.find()).as("the data block").isTrue();
        return block.group(1);
    }

    @Test
    void hostileContent_cannotLeaveTheDataBlock() {
        UUID session = new UUID(1, 2);
        ReportAggregator report = new ReportAggregator(ReportOptions.of(HOSTILE).withSession(session));
        report.add(DslEvent.failed(T0, session, HOSTILE, 10, new NotFound(HOSTILE)));
        report.add(DslEvent.sessionEntry(
                T0 + 1, session, new EventPayload.SessionEntry(EntryType.USER_INPUT, 1, HOSTILE, HOSTILE, null)));

        String page = ReportPage.render(report);
        String data = dataOf(page);

        assertThat(data).doesNotContain("<", ">", "&", "\u2028", "\ud800", "\u0007");
        assertThat(data).containsIgnoringCase("\\u003c/script\\u003e").contains("\\ud800", "\\u2028", "\\u0007");
        assertThat(page).as("the title is escaped too").contains("<title>Telltale report: &lt;/script&gt;");
        assertThat(page.split("<script", -1))
                .as("uPlot, the page's script, the data")
                .hasSize(4);
    }

    @Test
    void theContentSecurityPolicy_namesTheTwoScriptsByHash_andFetchesNothing() throws Exception {
        String page = ReportPage.render(new ReportAggregator(ReportOptions.of("q")));
        Matcher csp =
                Pattern.compile("script-src 'sha256-([^']+)' 'sha256-([^']+)'").matcher(page);
        assertThat(csp.find()).isTrue();
        Matcher scripts =
                Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(page);
        for (int i = 1; i <= 2; i++) {
            assertThat(scripts.find()).isTrue();
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(scripts.group(1).getBytes(StandardCharsets.UTF_8));
            assertThat(java.util.Base64.getEncoder().encodeToString(digest)).isEqualTo(csp.group(i));
        }
        assertThat(page).contains("default-src 'none'").doesNotContain("http://", "https://cdn", "src=\"http");
    }

    @Test
    void fill_replacesEachPlaceholderOnce_andNeverLooksInsideAValue() {
        assertThat(ReportPage.fill("a{{X}}b{{Y}}c{{Z}}d{{", Map.of("X", "{{Y}}", "Y", "y")))
                .isEqualTo("a{{Y}}byc{{Z}}d{{");
    }

    @Test
    void theLargestPossiblePage_staysUnderTwoMegabytes() {
        // Every capped list full, every text at its longest and as costly to escape as it can be.
        String worst = "\ud800".repeat(1 << 20);
        UUID session = new UUID(3, 4);
        ReportAggregator report = new ReportAggregator(ReportOptions.of("q").withSession(session));
        for (int i = 0; i < ReportAggregator.MAX_VERBS + 10; i++) {
            String verb = worst.substring(0, 250) + i;
            for (int f = 0; f < 3; f++) {
                report.add(DslEvent.failed(
                        T0 + i * 7919L * SECOND, session, verb, i, new IllegalStateException(worst.substring(f))));
            }
        }
        for (int i = 0; i < 3 * ReportAggregator.MAX_CONVERSATION_ITEMS; i++) {
            report.add(DslEvent.sessionEntry(
                    T0 + i,
                    session,
                    new EventPayload.SessionEntry(EntryType.RESPONSE, i + 1, worst.substring(0, 256), worst, null)));
            report.add(DslEvent.sessionEnded(T0 + i, new UUID(5, i), 1, 0, i));
            report.add(DslEvent.recorderAccount(
                    T0 + i, new EventPayload.RecorderAccount(false, T0, 1, 0, 0, 1, 0, 0, 0, 0)));
        }
        for (int i = 0; i < 200; i++) {
            report.skipped(worst.substring(0, 2000));
        }

        int bytes = ReportPage.render(report).getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(2 * 1024 * 1024);
        assertThat(report.conversationTruncated).isTrue();
    }

    @Test
    void write_isOwnerOnly_andReplacesAPageOnlyAsAWhole() throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        ReportAggregator report = new ReportAggregator(ReportOptions.of("q"));
        report.add(DslEvent.sessionStarted(T0, new UUID(1, 1), SessionSource.API));

        ReportPage.write(report, file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("telltale-data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void write_thatCannotReplaceWhatIsThere_failsAndLeavesItAsItWas() throws Exception {
        // What is there cannot be renamed over (a directory that holds a file): the old stays whole.
        Path there = Files.createDirectory(dir.resolve("report.html"));
        Path inside = Files.writeString(there.resolve("old"), "the old page");

        assertThatIOException().isThrownBy(() -> ReportPage.write(new ReportAggregator(ReportOptions.of("q")), there));

        assertThat(Files.readString(inside)).isEqualTo("the old page");
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no temporary file left").containsExactly(there);
        }
    }

    @Test
    void write_intoADirectoryThatIsGone_failsAndLeavesNothing() {
        Path file = dir.resolve("gone/report.html");
        assertThatIOException().isThrownBy(() -> ReportPage.write(new ReportAggregator(ReportOptions.of("q")), file));
        assertThat(dir).isEmptyDirectory();
    }
}
