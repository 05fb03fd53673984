package dev.telltale.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level command: global options and the subcommands. */
@Command(
        name = "telltale",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads, exports and summarises the events Telltale recorded.",
        subcommands = {
            TailCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            ReportCommand.class,
            MigrateCommand.class,
            AutoComplete.GenerateCompletion.class
        },
        footer = {
            "",
            "Exit codes: 0 success, 1 the command failed (missing or corrupt directory, I/O error), 2 bad command line."
        })
final class TelltaleCommand implements Runnable {

    @Option(
            names = "--verbose",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "a command is required: tail, export, stats, migrate or generate-completion");
    }
}
