package dev.telltale.examples;

import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads DSL commands, one per line, from standard input, runs them in one session, and prints each
 * result or error. The same code runs in both builds; only the build decides whether the commands
 * are recorded. Exit code 0 when every line ran (failed commands included), 1 on an I/O error.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        DslExecutor executor = DslExecutorFactory.create();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.println(executor.execute(DslCommand.parse(line)));
                } catch (RuntimeException e) {
                    out.println("error: " + e.getMessage());
                }
            }
            out.println("session " + session.id() + ": " + session.commandCount() + " commands, "
                    + session.errorCount() + " failed");
        }
    }
}
