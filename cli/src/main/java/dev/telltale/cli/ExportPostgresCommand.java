package dev.telltale.cli;

import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportSinkProvider;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.source.EventSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export postgres}: the events of a source into {@code events.log} and their
 * session entries into {@code sessions.log}, exactly once, through the library's
 * {@link ExactlyOnceExport} engine and the export sink named {@code postgres}. When the database goes
 * away mid-way, waits for it ({@link RetryingExport}, up to {@code --retry-for}) and continues from the
 * last commit.
 */
@Command(
        name = "postgres",
        mixinStandardHelpOptions = true,
        description = {
            "Exports events into PostgreSQL (events.log, sessions.log), exactly once:",
            "each batch is committed with its checkpoint; a rerun continues where the last stopped."
        })
final class ExportPostgresCommand implements Callable<Integer> {

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
        try (EventSource events = input.open(err)) {
            UUID origin = events.origin();
            ExportTarget target = db.target()
                    .name(resume)
                    .origin(origin)
                    .source(input.location)
                    .build();
            return RetryingExport.exportTo(
                    () -> db.withSink(ExportSinkProvider::open, target),
                    events,
                    "postgres",
                    source,
                    resume,
                    retryFor,
                    err);
        }
    }
}
