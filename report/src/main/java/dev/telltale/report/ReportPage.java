package dev.telltale.report;

import dev.telltale.api.store.FileAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The report as one self-contained HTML page: the template with uPlot's script and style, the page's
 * own script and style, and the data ({@link ReportJson}) inlined, so it opens offline. A
 * Content-Security-Policy lets only those two scripts run (by their SHA-256) and fetches nothing; the
 * data is a JSON block that is never executed, in which {@code <}, {@code >}, {@code &} and the like
 * are escaped, and the page's script puts every text from the events into the page as text.
 */
public final class ReportPage {

    private static final String RESOURCES = "/dev/telltale/report/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private ReportPage() {}

    /** The page of {@code report}. */
    public static String render(ReportAggregator report) {
        Assets assets = Assets.LOADED;
        String data = ReportJson.write(report);
        String csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
                + "'sha256-" + assets.uplotHash + "' 'sha256-" + assets.pageHash + "'; style-src 'unsafe-inline'; "
                + "img-src data:; base-uri 'none'; form-action 'none'\">";
        String style = "<style>\n" + assets.uplotCss + "\n" + assets.pageCss + "\n</style>";
        String scripts = "<script>" + assets.uplotJs + "</script>\n<script>" + assets.pageJs + "</script>";
        String dataBlock = "<script type=\"application/json\" id=\"telltale-data\">" + data + "</script>";
        return fill(
                assets.template,
                Map.of(
                        "CSP", csp,
                        "TITLE", html(report.options().title()),
                        "STYLE", style,
                        "DATA", dataBlock,
                        "SCRIPTS", scripts));
    }

    /**
     * The template with each {@code {{NAME}}} replaced by its value, in one pass: a value is never
     * searched for placeholders itself.
     */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length()
                + values.values().stream().mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            int close = open < 0 ? -1 : template.indexOf("}}", open + 2);
            String value = close < 0 ? null : values.get(template.substring(open + 2, close));
            if (value == null) {
                if (open < 0 || close < 0) {
                    return out.append(template, at, template.length()).toString();
                }
                out.append(template, at, open + 2);
                at = open + 2;
                continue;
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
    }

    /**
     * Writes the page of {@code report} to {@code file}, readable by its owner only, replacing one that
     * is there only as a whole: the page is written beside it, then renamed over it.
     *
     * @throws IOException if the file cannot be written (the old one, if any, is then left as it was)
     */
    public static void write(ReportAggregator report, Path file) throws IOException {
        byte[] page = render(report).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            FileAccess.OWNER.createFile(temporary);
            try (FileChannel out = FileAccess.OWNER.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(page);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** {@code text} for HTML text or an attribute: markup characters as entities, control characters visible. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The page's fixed parts, read once from the class path. */
    private static final class Assets {

        static final Assets LOADED = new Assets();

        final String template = resource(RESOURCES + "page.html");
        final String pageCss = resource(RESOURCES + "page.css");
        final String pageJs = script(resource(RESOURCES + "page.js"), "page.js");
        final String uplotCss;
        final String uplotJs;
        final String uplotHash;
        final String pageHash;

        private Assets() {
            String dist = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
            uplotCss = resource(dist + "uPlot.min.css");
            uplotJs = script(resource(dist + "uPlot.iife.min.js"), "uPlot");
            uplotHash = sha256(uplotJs);
            pageHash = sha256(pageJs);
        }

        private static String uplotVersion() {
            Properties pom = new Properties();
            try (InputStream in = ReportPage.class.getResourceAsStream(UPLOT_POM)) {
                if (in == null) {
                    throw new IllegalStateException("uPlot's webjar is not on the class path (" + UPLOT_POM + ")");
                }
                pom.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pom.getProperty("version");
        }

        /** A script as it can sit inside a script element: one that would end it early is refused. */
        private static String script(String text, String name) {
            if (text.toLowerCase(Locale.ROOT).contains("</script")) {
                throw new IllegalStateException(name + " contains '</script' and cannot be inlined");
            }
            return text;
        }

        private static String resource(String path) {
            try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String sha256(String text) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
