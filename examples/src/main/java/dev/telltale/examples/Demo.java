package dev.telltale.examples;

import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The scripted part of the demo: three sessions (REPL, MCP, API) run concurrently on one executor,
 * {@value #COMMANDS_PER_SESSION} commands each, some of which fail the way real ones do (validation
 * errors, not found, an unexpected crash); then the recording health, as {@code :events} shows it.
 */
public final class Demo {

    static final int COMMANDS_PER_SESSION = 150;

    private Demo() {}

    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        DslExecutor executor = DslExecutorFactory.create();
        List<Thread> sessions = new ArrayList<>();
        SessionSource[] sources = {SessionSource.REPL, SessionSource.MCP, SessionSource.API};
        for (int s = 0; s < sources.length; s++) {
            SessionSource source = sources[s];
            long seed = s;
            Thread thread = new Thread(() -> runSession(executor, source, new Random(seed)), "demo-" + source);
            sessions.add(thread);
            thread.start();
        }
        for (Thread thread : sessions) {
            thread.join();
        }
        out.println(sources.length + " sessions ran " + sources.length * COMMANDS_PER_SESSION + " commands");
        out.println(HealthReport.current());
    }

    private static void runSession(DslExecutor executor, SessionSource source, Random random) {
        try (TelltaleSession session = TelltaleSession.open(source)) {
            Repl repl = new Repl(new PrintWriter(java.io.Writer.nullWriter()), session);
            List<String> created = new ArrayList<>();
            for (int i = 0; i < COMMANDS_PER_SESSION; i++) {
                String result = repl.run(nextCommand(random, created, i));
                if (result.startsWith("cbu-")) {
                    created.add(result);
                }
            }
        }
    }

    /** Mostly creates, reads and renames; sometimes a missing id, a missing argument, a crash or an unknown verb. */
    private static String nextCommand(Random random, List<String> created, int i) {
        int roll = random.nextInt(100);
        String some = created.isEmpty() ? "cbu-0" : created.get(random.nextInt(created.size()));
        if (roll < 30 || created.isEmpty()) {
            return "cbu.create name=Client" + i;
        } else if (roll < 55) {
            return "cbu.get id=" + some;
        } else if (roll < 70) {
            return "cbu.rename id=" + some + " name=Renamed" + i;
        } else if (roll < 78) {
            return "cbu.list";
        } else if (roll < 86) {
            return "cbu.get id=cbu-" + (100_000 + i);
        } else if (roll < 92) {
            return "cbu.create";
        } else if (roll < 96) {
            return "cbu.delete id=" + some;
        } else if (roll < 98) {
            return "report.crash";
        }
        return "cbu.archive id=" + some;
    }
}
