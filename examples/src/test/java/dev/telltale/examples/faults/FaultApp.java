package dev.telltale.examples.faults;

import dev.telltale.api.EventHealth;
import dev.telltale.api.EventRuntime;
import dev.telltale.api.EventStats;
import dev.telltale.api.SessionSource;
import dev.telltale.api.TelltaleSession;
import dev.telltale.examples.DslCommand;
import dev.telltale.examples.DslExecutor;
import dev.telltale.examples.DslExecutorFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An application as {@link FaultInjectionTest} runs it in a child JVM: the example executor from its
 * factory (the events build, when the events classes come first on the class path), one session, and
 * commands on request. Every command also runs on a plain {@link DslExecutor} that Telltale never
 * sees, and the two outcomes are compared: recording must not change what a command does.
 *
 * <p>Reads one request per line from standard input and answers with one line on standard output:
 * {@code run N} ({@code ran N mismatches M}), {@code stats} ({@code stats …}), {@code health}
 * ({@code health STATUS | reason | …}), {@code loop}
 * (runs commands until killed), {@code quit} (closes the session and Telltale, then {@code stats …}).
 */
@SuppressWarnings("try") // "quit" closes the session early, on purpose
public final class FaultApp {

    private final DslExecutor recorded = DslExecutorFactory.create();
    private final DslExecutor plain = new DslExecutor();
    private long commands;

    public static void main(String[] args) throws Exception {
        new FaultApp().serve();
    }

    private void serve() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (TelltaleSession session = TelltaleSession.open(SessionSource.API)) {
            System.out.println("ready " + session.id());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ");
                switch (words[0]) {
                    case "run" -> System.out.println(run(Integer.parseInt(words[1])));
                    case "loop" -> {
                        System.out.println("looping");
                        while (true) {
                            run(100);
                        }
                    }
                    case "stats" -> System.out.println(stats());
                    case "health" -> System.out.println(health());
                    case "quit" -> {
                        session.close();
                        dev.telltale.core.Events.global().close();
                        System.out.println(stats());
                        return;
                    }
                    default -> System.out.println("unknown request " + line);
                }
            }
        }
    }

    /** Runs {@code count} commands, some failing, on both executors, and counts outcomes that differ. */
    private String run(int count) {
        int mismatches = 0;
        for (int i = 0; i < count; i++) {
            long n = ++commands;
            String line = switch ((int) (n % 4)) {
                case 0 -> "cbu.create name=n" + n;
                case 1 -> "cbu.get id=cbu-" + (n / 2);
                case 2 -> "cbu.rename id=cbu-" + (n / 3) + " name=r" + n;
                default -> "report.crash";
            };
            if (!Objects.equals(outcome(recorded, line), outcome(plain, line))) {
                mismatches++;
            }
        }
        return "ran " + count + " mismatches " + mismatches;
    }

    private static String outcome(DslExecutor executor, String line) {
        try {
            return "returned " + executor.execute(DslCommand.parse(line));
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String stats() {
        EventStats stats = EventRuntime.current().health().stats();
        return "stats emitted " + stats.emitted() + " persisted " + stats.persisted() + " dropped " + stats.dropped()
                + " lost " + stats.lost() + " pending " + stats.pending();
    }

    private static String health() {
        EventHealth health = EventRuntime.current().health();
        StringBuilder line = new StringBuilder("health ").append(health.status());
        for (String reason : health.reasons()) {
            line.append(" | ").append(reason.replace('\n', ' '));
        }
        return line.toString();
    }
}
