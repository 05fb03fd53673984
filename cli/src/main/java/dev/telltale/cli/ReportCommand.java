package dev.telltale.cli;

import dev.telltale.api.EventClock;
import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import dev.telltale.report.ReportAggregator;
import dev.telltale.report.ReportOptions;
import dev.telltale.report.ReportPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code telltale report}: one self-contained HTML page of the events, written in one streaming pass
 * in bounded memory. The page's numbers are {@code stats}'s: the same events, the same histograms.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes one self-contained HTML page (opens offline): commands per second, latency over time,"
                + " verbs, failures, sessions, the recorder's own drops; with --session, that session's conversation.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "FILE",
            description = "Where to write the page; an existing file is replaced only once the new page is whole.")
    Path output;

    @Option(
            names = "--session",
            paramLabel = "ID",
            description = "Also show this session's conversation: its log entries among its commands.")
    UUID session;

    @Option(
            names = "--from",
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Only events at or after this time, such as 2026-11-27T04:00:00Z.")
    Instant from;

    @Option(
            names = "--until",
            paramLabel = "TIME",
            converter = InstantConverter.class,
            description = "Only events before this time.")
    Instant until;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title (default: the source).")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportOptions options = options();
        Path target = output.toAbsolutePath();
        requireWritable(target);
        ReportAggregator report = new ReportAggregator(options);
        Progress progress = Progress.onTerminal(err);
        long read = 0;
        try (EventSource events = input.open(err, report::skipped);
                EventCursor cursor = events.cursor(new Position.Start(), false)) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                report.add(recorded.event());
                progress.update(++read);
            }
            cursor.requireAtEnd();
        }
        progress.finish(read);
        try {
            ReportPage.write(report, target);
        } catch (IOException e) {
            throw new IOException(
                    "cannot write the report to " + Printable.of(target.toString()) + ": " + TelltaleMain.oneLine(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "wrote a report of %,d events to %s (%,d KiB)%n",
                report.events(),
                Printable.of(target.toString()),
                (Files.size(target) + 1023) / 1024);
        out.flush();
        return TelltaleMain.OK;
    }

    private ReportOptions options() {
        long fromNanos = from == null ? Long.MIN_VALUE : EventClock.toEpochNanos(from);
        long untilNanos = until == null ? Long.MAX_VALUE : EventClock.toEpochNanos(until);
        if (fromNanos >= untilNanos) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--from " + from + " is not before --until " + until);
        }
        ReportOptions options = ReportOptions.of(input.location).withWindow(fromNanos, untilNanos);
        if (title != null) {
            options = options.withTitle(title);
        }
        return session == null ? options : options.withSession(session);
    }

    /** Fails before reading anything when the page could not be written where it is asked for. */
    private static void requireWritable(Path target) throws IOException {
        Path directory = target.getParent();
        String shown = Printable.of(target.toString());
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException("cannot write the report to " + shown + ": no such directory");
        }
        if (Files.isDirectory(target)) {
            throw new IOException("cannot write the report to " + shown + ": it is a directory");
        }
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write the report to " + shown + ": the directory is not writable");
        }
    }

    /** An ISO-8601 instant, such as {@code 2026-11-27T04:00:00Z}. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                Instant instant = Instant.parse(value);
                EventClock.toEpochNanos(instant);
                return instant;
            } catch (DateTimeParseException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a time such as 2026-11-27T04:00:00Z (years 1677 to 2262), got '" + Printable.of(value)
                                + "'");
            }
        }
    }
}
