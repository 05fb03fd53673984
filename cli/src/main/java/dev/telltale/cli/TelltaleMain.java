package dev.telltale.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The entry point. Exit codes: {@value #OK} success, {@value #FAILED} the command failed (a missing
 * or corrupt event directory, an I/O error), {@value #USAGE} the command line was wrong. Errors are
 * one line on standard error; {@code --verbose} adds the stack trace.
 */
public final class TelltaleMain {

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the command could not do its work. */
    public static final int FAILED = 1;
    /** Exit code: the command line was wrong. */
    public static final int USAGE = 2;

    private TelltaleMain() {}

    public static void main(String[] args) {
        // Standard output is buffered (an export may print millions of lines); commands flush when they pause.
        PrintWriter out = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            CommandLine commandLine = commandLine(out, err);
            String unknown = unknownCommand(commandLine, args);
            if (unknown != null) {
                // Before picocli, which would print the help for "NOSUCH --help" and exit 0.
                err.println("telltale: " + unknown);
                err.flush();
                return USAGE;
            }
            return commandLine.execute(args);
        } catch (Error error) {
            // picocli hands only exceptions to the handler; an Error (out of memory) is one line too.
            err.println("telltale: " + oneLine(error) + " (" + error.getClass().getSimpleName() + ")");
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                error.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        }
    }

    /**
     * The one-line complaint about the first word that should name a command (of the top level, or of
     * a command that has commands of its own, such as {@code export}) and names none; {@code null}
     * when every such word names one. Options ({@code -...}) are passed over.
     */
    static String unknownCommand(CommandLine root, String... args) {
        CommandLine current = root;
        for (String arg : args) {
            if (current.getSubcommands().isEmpty()) {
                return null;
            }
            if (arg.startsWith("-")) {
                continue;
            }
            CommandLine next = current.getSubcommands().get(arg);
            if (next == null) {
                return "unknown command '" + Printable.of(arg) + "'; the commands of '"
                        + current.getCommandSpec().qualifiedName() + "' are "
                        + String.join(", ", current.getSubcommands().keySet());
            }
            current = next;
        }
        return null;
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TelltaleCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? USAGE : FAILED);
        commandLine.setParameterExceptionHandler(TelltaleMain::usageError);
        commandLine.setExecutionExceptionHandler(TelltaleMain::failure);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(FAILED);
        return commandLine;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("telltale: " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        if (verbose(command)) {
            e.printStackTrace(err);
        }
        return USAGE;
    }

    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        err.println("telltale: " + oneLine(e));
        if (verbose(command)) {
            e.printStackTrace(err);
        }
        return e instanceof IllegalArgumentException ? USAGE : FAILED;
    }

    private static boolean verbose(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((TelltaleCommand) root.getCommand()).verbose;
    }

    /** The message, or the exception's type when it has none; never more than one line. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        // A message may quote event content (a damaged file's bytes, a verb): never raw on a terminal.
        return Printable.of(newline < 0 ? message : message.substring(0, newline));
    }
}
