package dev.telltale.cli;

import dev.telltale.api.source.Position;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How every export reads and checkpoints: where a first run starts, whether it follows, the batch. */
final class ExportSourceOptions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @Option(
            names = "--from",
            paramLabel = "start|end|INDEX|TIME",
            converter = PositionConverter.class,
            description = "Where to start on a first run (default: start).")
    Position from;

    @Option(
            names = "--follow",
            description = "Keep exporting as the source grows (committing whenever it has caught up),"
                    + " until stopped by SIGTERM or Ctrl-C, which commits what was read and exits.")
    boolean follow;

    @Option(
            names = "--checkpoint-every",
            paramLabel = "N",
            defaultValue = "10000",
            hidden = true,
            description = "Events between two checkpoints.")
    int checkpointEvery;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Where a first run starts. */
    Position start() {
        return from == null ? new Position.Start() : from;
    }

    /** Checks these options, and {@code --resume} when given. */
    void validate(String resume) {
        if (resume != null && !NAME.matcher(resume).matches()) {
            throw new ParameterException(
                    spec.commandLine(), "--resume: a name of letters, digits, '.', '_' or '-', got '" + resume + "'");
        }
        if (checkpointEvery < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--checkpoint-every must be positive, got " + checkpointEvery);
        }
    }
}
