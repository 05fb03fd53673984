package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * {@code telltale report} as a person meets it: a queue recorded by a real child JVM (hostile content,
 * a burst its small queue drops from, a clean close) is reported, and the page is opened in headless
 * Chromium (Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them, and
 * without them this test is skipped, saying so). The page must run no injected script, log nothing to
 * the console, draw every chart, and show the numbers {@code telltale stats} prints for the same queue,
 * the recorder's drops among them, read from the files after the recording process has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    private static final Path CHROMIUM = Paths.get(System.getProperty("telltale.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Paths.get(System.getProperty("telltale.chromedriver", "/usr/bin/chromedriver"));
    /** Where the page and its screenshot are kept for a person to look at. */
    private static final Path KEPT = Paths.get("target", "report-browser");

    @TempDir
    static Path dir;

    private Path queue;
    private String session;
    private long droppedByTheRecorder;
    private ChromeDriver browser;

    @BeforeAll
    void recordAndStartTheBrowser() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no headless browser: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + ")");
        queue = dir.resolve("events");
        Process child = Cli.childJvm(
                        List.of("-Dtelltale.store.dir=" + queue, "-Dtelltale.buffer-size=256", "-Dtelltale.stripes=1"),
                        HostileRecorder.class.getName(),
                        "400000")
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue())
                .as(out + Files.readString(dir.resolve("child.err")))
                .isZero();
        Matcher printed = Pattern.compile("SESSION (\\S+)\\s+EMITTED \\d+ PERSISTED \\d+ DROPPED (\\d+)")
                .matcher(out);
        assertThat(printed.find()).as(out).isTrue();
        session = printed.group(1);
        droppedByTheRecorder = Long.parseLong(printed.group(2));
        assertThat(droppedByTheRecorder)
                .as("the burst must overflow the small queue")
                .isPositive();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,3000",
                "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** {@code telltale stats} on the queue, as numbers by name. */
    private Map<String, Long> stats() {
        Cli.Result stats = Cli.run("stats", queue.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        Matcher events = Pattern.compile("events\\s+([\\d,]+) \\(([\\d,]+) commands, ([\\d,]+) failed")
                .matcher(stats.out());
        Matcher sessions = Pattern.compile("sessions\\s+([\\d,]+)").matcher(stats.out());
        Matcher entries = Pattern.compile("entries\\s+([\\d,]+)").matcher(stats.out());
        Matcher recorder = Pattern.compile("recorder\\s+dropped ([\\d,]+) \\(queue full ([\\d,]+)\\), lost ([\\d,]+)")
                .matcher(stats.out());
        assertThat(events.find() && sessions.find() && entries.find() && recorder.find())
                .as(stats.out())
                .isTrue();
        return Map.of(
                "events", number(events.group(1)),
                "commands", number(events.group(2)),
                "failed", number(events.group(3)),
                "succeeded", number(events.group(2)) - number(events.group(3)),
                "sessions", number(sessions.group(1)),
                "entries", number(entries.group(1)),
                "dropped", number(recorder.group(1)),
                "lost", number(recorder.group(3)));
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    @Test
    void statsAfterTheProcessEnded_reportsTheDropsFromTheFiles() {
        Cli.Result stats = Cli.run("stats", queue.toString());
        assertThat(stats.out())
                .contains("recorder   dropped " + String.format(java.util.Locale.ROOT, "%,d", droppedByTheRecorder)
                        + " (queue full ")
                .containsPattern("closed \\S+Z: emitted [\\d,]+, persisted [\\d,]+, dropped "
                        + String.format(java.util.Locale.ROOT, "%,d", droppedByTheRecorder) + ", lost 0");
    }

    @Test
    void thePage_opensWithoutErrors_runsNoInjection_drawsEveryChart_andAgreesWithStats() throws Exception {
        Files.createDirectories(KEPT);
        Path page = KEPT.resolve("report.html").toAbsolutePath();
        Cli.Result report = Cli.run("report", queue.toString(), "-o", page.toString(), "--session", session);
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.size(page)).isLessThan(2 * 1024 * 1024);

        browser.get(page.toUri().toString());
        JavascriptExecutor js = browser;

        assertThat(js.executeScript("return typeof window.__pwned"))
                .as("an injected script ran")
                .isEqualTo("undefined");
        assertThat(js.executeScript("return document.querySelectorAll('img').length"))
                .isEqualTo(0L);
        // Each chart drawn: uPlot's canvases hold painted pixels, the sessions' timeline its bars.
        for (String chart : List.of("#throughput-chart", "#latency-chart")) {
            Object painted = js.executeScript(
                    "const c = document.querySelector(arguments[0] + ' canvas');"
                            + "if (!c || c.width === 0) return 0;"
                            + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) n++; return n;",
                    chart);
            assertThat((Long) painted).as(chart + " painted pixels").isGreaterThan(1000L);
        }
        assertThat(browser.findElements(By.cssSelector("#sessions-chart svg rect.bar")))
                .isNotEmpty();

        Map<String, Long> stats = stats();
        for (Map.Entry<String, Long> stat : stats.entrySet()) {
            WebElement shown = browser.findElement(By.cssSelector("[data-stat='" + stat.getKey() + "']"));
            assertThat(Long.parseLong(shown.getAttribute("data-value")))
                    .as("the page's " + stat.getKey() + " against stats")
                    .isEqualTo(stat.getValue());
        }
        assertThat(stats.get("dropped")).isEqualTo(droppedByTheRecorder);

        // Hostile content is text on the page, as it was recorded.
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains(HostileRecorder.SCRIPT, HostileRecorder.IMG, "\\u0007", "\\u001b[31m");
        assertThat(browser.findElements(By.cssSelector("#conversation-list li")))
                .hasSizeGreaterThan(100);

        Files.write(KEPT.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));
        List<LogEntry> console = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(console.stream().map(LogEntry::toString).collect(Collectors.joining("\n")))
                .as("the browser's console")
                .isEmpty();
    }
}
