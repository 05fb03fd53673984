package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.export.ExactlyOnceExport;
import dev.telltale.api.export.ExportCheckpoint;
import dev.telltale.api.export.ExportSink;
import dev.telltale.api.export.ExportSinks;
import dev.telltale.api.export.ExportTarget;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.store.FileAccess;
import dev.telltale.json.EventJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code telltale export jsonl}: the events of a source as JSON Lines, through the library's
 * {@link ExactlyOnceExport} engine and the export sink named {@code jsonl}; this command only parses
 * options and prints the outcome. With {@code --resume NAME} the export is exactly once.
 */
@Command(
        name = "jsonl",
        mixinStandardHelpOptions = true,
        description = {
            "Exports events as JSON Lines (the format: docs/stores-and-formats.md).",
            "With --resume NAME, a rerun continues exactly where the last one stopped."
        })
final class ExportJsonlCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Mixin
    ExportSourceOptions source;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE|-",
            description = "The output file (appended to), or - for standard output.")
    String out;

    @Option(
            names = "--until",
            paramLabel = "INDEX|TIME",
            converter = PositionConverter.class,
            description = "Stop before the first event at or after this index or time.")
    Position until;

    @Option(
            names = "--access",
            paramLabel = "owner|group",
            defaultValue = "owner",
            converter = AccessConverter.class,
            description = "Who may read the output, its checkpoint and lock: owner (0600, the default) or group (0640);"
                    + " never anyone else.")
    FileAccess access;

    @Option(
            names = "--resume",
            paramLabel = "NAME",
            description = "Make the export resumable and exactly once under this name (letters, digits, . _ -).")
    String resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        boolean toFile = !"-".equals(out);
        ExportSink sink = !toFile
                ? new StandardOutputSink(spec.commandLine().getOut())
                : ExportSinks.named("jsonl")
                        .open(ExportTarget.at(out).name(resume).access(access).build());
        Progress progress = toFile ? Progress.onTerminal(err) : new Progress(err, false);
        // Outermost: a stop asked for by a signal holds the exit until the summary is printed.
        try (StopOnSignal stop = source.follow ? StopOnSignal.install() : null) {
            ExactlyOnceExport.Result result;
            try (EventSource events = input.open(err)) {
                ExactlyOnceExport.Builder export = ExactlyOnceExport.builder()
                        .source(events, resume, source.start())
                        .sink(sink)
                        .limit(until == null ? ExactlyOnceExport.Limit.NONE : ExactlyOnceExport.Limit.before(until))
                        .batchSize(source.checkpointEvery)
                        .progress(progress::update);
                result = stop == null
                        ? export.run()
                        : export.follow(stop::requested).run();
            } finally {
                sink.close();
            }
            progress.finish(result.exportedInAll());
            if (toFile) {
                err.println("exported " + result.exported() + " events to " + out
                        + (result.resumed() ? " (" + result.exportedInAll() + " in all under '" + resume + "')" : "")
                        + (stop == null ? "" : "; stopped"));
                err.flush();
            }
        }
        return TelltaleMain.OK;
    }

    private void validate() {
        source.validate(resume);
        if (resume != null && "-".equals(out)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--resume needs --out FILE: standard output cannot be cut back after an interruption");
        }
        if (until instanceof Position.Start || until instanceof Position.End) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--until takes an index or a time, got '" + (until instanceof Position.Start ? "start" : "end")
                            + "'");
        }
    }

    /** Reads {@code --access}; a bad value is a usage error naming it. */
    static final class AccessConverter implements picocli.CommandLine.ITypeConverter<FileAccess> {
        @Override
        public FileAccess convert(String value) {
            try {
                return FileAccess.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --out -}: lines on standard output; nothing to resume. */
    private static final class StandardOutputSink implements ExportSink {
        private final PrintWriter out;

        StandardOutputSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public ExportCheckpoint resume() {
            return ExportCheckpoint.START;
        }

        @Override
        public void write(List<DslEvent> batch, ExportCheckpoint checkpoint) {
            for (DslEvent event : batch) {
                out.write(EventJson.toJson(event));
                out.write('\n');
            }
            out.flush();
        }

        @Override
        public String describe() {
            return "standard output";
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
