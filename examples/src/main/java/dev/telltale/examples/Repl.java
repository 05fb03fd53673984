package dev.telltale.examples;

import dev.telltale.api.EventRef;
import dev.telltale.api.SessionLogger;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A read-eval-print loop for the DSL, in one session (source REPL). On a terminal it edits lines
 * with JLine (history, tab completion of verbs and {@code :} commands); given a file, or with
 * standard input piped, it runs the lines as a script. The same code runs in both builds: only
 * {@code :events} tells them apart.
 *
 * <p>Usage: {@code Repl [SCRIPT]}. Meta-commands: {@code :events}, {@code :help}, {@code :quit}.
 */
public final class Repl {

    static final List<String> VERBS =
            List.of("cbu.create", "cbu.get", "cbu.rename", "cbu.delete", "cbu.list", "report.crash");
    static final List<String> META = List.of(":events", ":help", ":quit");

    private final DslExecutor executor = DslExecutorFactory.create();
    private final PrintWriter out;
    private final TelltaleSession session;
    private final SessionLogger conversation;

    /** A REPL in {@code session}, logging its conversation (input, command with its event, response or error). */
    Repl(PrintWriter out, TelltaleSession session) {
        this.out = out;
        this.session = session;
        this.conversation = SessionLogger.of(session);
    }

    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        try (TelltaleSession session = TelltaleSession.open(SessionSource.REPL)) {
            Repl repl = new Repl(out, session);
            if (args.length > 0) {
                try (Reader script = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
                    repl.runScript(new BufferedReader(script));
                }
            } else if (System.console() == null) {
                repl.runScript(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            } else {
                repl.runInteractive();
            }
        }
        out.flush();
    }

    /** Runs lines until the end or {@code :quit}. */
    void runScript(BufferedReader lines) throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!handle(line)) {
                return;
            }
        }
    }

    private void runInteractive() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("telltale-repl")
                    .completer(new StringsCompleter(concat(VERBS, META)))
                    .variable(
                            LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".telltale_repl_history"))
                    .build();
            out.println("Telltale example DSL. Type :help for help, Tab to complete, :quit to leave.");
            while (true) {
                String line;
                try {
                    line = reader.readLine("dsl> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return;
                }
                if (!handle(line)) {
                    return;
                }
            }
        }
    }

    /** Handles one line; {@code false} to stop. */
    boolean handle(String line) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return true;
        }
        switch (trimmed) {
            case ":quit" -> {
                return false;
            }
            case ":help" -> out.println(help());
            case ":events" -> out.println(HealthReport.current(conversation));
            default -> {
                if (trimmed.startsWith(":")) {
                    out.println("error: unknown command " + trimmed + " (try :help)");
                } else {
                    out.println(run(trimmed));
                }
            }
        }
        out.flush();
        return true;
    }

    /**
     * Runs one DSL command and says what happened; never throws. The conversation log gets the input,
     * the command with a reference to its event (none in a build without events), and the response or
     * the error.
     */
    String run(String line) {
        conversation.logUserInput(line);
        DslCommand command;
        try {
            command = DslCommand.parse(line);
        } catch (DslException e) {
            // Not a command: nothing ran, no event to refer to.
            return shownError("error " + e.httpStatus() + ": " + e.getMessage(), null);
        }
        String response;
        try {
            response = executor.execute(command);
        } catch (DslException e) {
            conversation.logDslCommand(line, session.lastCommand().orElse(null));
            return shownError(
                    "error " + e.httpStatus() + ": " + e.getMessage(),
                    session.lastCommand().orElse(null));
        } catch (RuntimeException e) {
            conversation.logDslCommand(line, session.lastCommand().orElse(null));
            return shownError(
                    "error: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    session.lastCommand().orElse(null));
        }
        conversation.logDslCommand(line, session.lastCommand().orElse(null));
        conversation.logResponse(response);
        return response;
    }

    private String shownError(String error, EventRef event) {
        conversation.logError(error, event);
        return error;
    }

    static String help() {
        return String.join(
                "\n",
                "verbs:  cbu.create name=N | cbu.get id=I | cbu.rename id=I name=N | cbu.delete id=I | cbu.list | report.crash",
                "meta:   :events (recording health) | :help | :quit");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
