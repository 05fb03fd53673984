package dev.telltale.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code telltale export}: the export targets. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Copies recorded events elsewhere, exactly once with --resume.",
        subcommands = {ExportJsonlCommand.class, ExportPostgresCommand.class, ExportKafkaCommand.class})
final class ExportCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "an export target is required: jsonl or postgres");
    }
}
