package dev.telltale.cli;

import dev.telltale.api.source.EventCursor;
import dev.telltale.api.source.EventSource;
import dev.telltale.api.source.Position;
import dev.telltale.api.source.RecordedEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code telltale stats}: counts, failure rate and duration percentiles, overall and per verb, session or hour. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description =
                "Summarises recorded events: counts, failure rate, duration p50/p95/p99/max, time range, sessions.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    InputOption input;

    @Option(
            names = "--by",
            paramLabel = "verb|session|hour",
            defaultValue = "verb",
            description = "How to group commands (default: ${DEFAULT-VALUE}).")
    StatsTable.Grouping by;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        StatsTable stats = new StatsTable(by);
        try (EventSource events = input.open(spec.commandLine().getErr());
                EventCursor cursor = events.cursor(new Position.Start(), false)) {
            for (RecordedEvent recorded = cursor.next(); recorded != null; recorded = cursor.next()) {
                stats.add(recorded.event());
            }
            cursor.requireAtEnd();
        }
        PrintWriter out = spec.commandLine().getOut();
        stats.print(out);
        out.flush();
        return TelltaleMain.OK;
    }
}
