package dev.telltale.cli;

import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.source.EventSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export postgres}: the events of a source into {@code events.log} and their
 * session entries into {@code sessions.log}, exactly once, through the library's
 * {@link ExactlyOnceExport} engine and the export sink named {@code postgres}. When the database goes
 * away mid-way ({@link ExportSink#isTransient}), waits for it (with backoff, up to {@code --retry-for})
 * and continues from the last commit.
 */
@Command(
        name = "postgres",
        mixinStandardHelpOptions = true,
        description = {
            "Exports events into PostgreSQL (events.log, sessions.log), exactly once:",
            "each batch is committed with its checkpoint; a rerun continues where the last stopped."
        })
final class ExportPostgresCommand implements Callable<Integer> {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    @Mixin
    InputOption input;

    @Mixin
    ExportSourceOptions source;

    @Mixin
    DatabaseOptions db;

    @Option(
            names = "--resume",
            paramLabel = "NAME",
            defaultValue = "default",
            description = "The export's name, under which its checkpoint is kept (default: ${DEFAULT-VALUE}).")
    String resume;

    @Option(
            names = "--retry-for",
            paramLabel = "DURATION",
            defaultValue = "PT5M",
            converter = DurationConverter.class,
            description =
                    "How long to wait for a database that went away mid-export, such as 30s, 5m (default: 5m; 0: do not wait).")
    Duration retryFor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        source.validate(resume);
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.onTerminal(err);
        try (EventSource events = input.open(err)) {
            UUID origin = events.origin();
            ExportTarget target = db.target()
                    .name(resume)
                    .origin(origin)
                    .source(input.location)
                    .build();
            long started = System.nanoTime();
            long exportedHere = 0;
            boolean everConnected = false;
            Duration wait = FIRST_WAIT;
            long waitingSince = 0;
            while (true) {
                ExportSink sink = db.withSink(ExportSinkProvider::open, target);
                try {
                    ExactlyOnceExport.Result result = ExactlyOnceExport.builder()
                            .source(events, "postgres-" + resume, source.start())
                            .sink(sink)
                            .batchSize(source.checkpointEvery)
                            .progress(progress::update)
                            .run();
                    exportedHere += result.exported();
                    progress.finish(result.exportedInAll());
                    err.println("exported " + exportedHere + " events to " + sink.describe()
                            + " (" + result.exportedInAll() + " in all under '" + resume + "', origin " + origin + ")"
                            + String.format(" in %.1f s", (System.nanoTime() - started) / 1e9));
                    return TelltaleMain.OK;
                } catch (IOException e) {
                    everConnected |= sink.reached();
                    if (!sink.isTransient(e) || !everConnected) {
                        throw e;
                    }
                    long now = System.nanoTime();
                    if (waitingSince == 0) {
                        waitingSince = now;
                    }
                    if (now - waitingSince > retryFor.toNanos()) {
                        throw new IOException(
                                e.getMessage() + "; gave up after waiting " + retryFor.toSeconds()
                                        + " s (--retry-for); a rerun continues from the last commit",
                                e);
                    }
                    err.println("telltale: " + TelltaleMain.oneLine(e) + "; retrying in " + wait.toSeconds()
                            + " s (nothing is lost: the export continues from its last commit)");
                    err.flush();
                    TimeUnit.NANOSECONDS.sleep(wait.toNanos());
                    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
                } finally {
                    sink.close();
                }
                if (sink.reached()) {
                    waitingSince = 0;
                }
            }
        }
    }
}
