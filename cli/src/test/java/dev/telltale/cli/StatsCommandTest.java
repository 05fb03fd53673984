package dev.telltale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload.SessionEntry;
import dev.telltale.api.SessionSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    @TempDir
    Path dir;

    /** One verb with durations 1..100 ms, every 10th failed; another with a single 5 ms call. */
    private void writeKnownQueue() throws Exception {
        UUID session = UUID.randomUUID();
        List<DslEvent> events = new ArrayList<>();
        events.add(DslEvent.sessionStarted(Events.T0, session, SessionSource.API));
        for (int i = 1; i <= 100; i++) {
            long at = Events.T0 + i * 1_000_000L;
            events.add(
                    i % 10 == 0
                            ? DslEvent.failed(
                                    at, session, "cbu.create", i * 1_000_000L, new IllegalArgumentException("bad " + i))
                            : DslEvent.succeeded(at, session, "cbu.create", i * 1_000_000L));
        }
        events.add(DslEvent.succeeded(Events.T0 + 200_000_000L, null, "report.run", 5_000_000L));
        Cli.write(dir, events);
    }

    private static String row(List<String> lines, String key) {
        return lines.stream()
                .filter(line -> line.startsWith(key + " "))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void stats_byVerb_givesExactCountsAndPercentiles() throws Exception {
        writeKnownQueue();

        Cli.Result result = Cli.run("stats", dir.toString());

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.lines();
        assertThat(lines.get(0)).isEqualTo("events     102 (101 commands, 10 failed: 9.90%)");
        assertThat(lines.get(2)).isEqualTo("sessions   1 (1 started, 0 ended)");
        String[] create = row(lines, "cbu.create").trim().split("\\s+");
        // HdrHistogram (3 significant digits) reports the top of each value's bucket: 50 ms reads 50.004.
        assertThat(create).containsExactly("cbu.create", "100", "10", "10.0", "50.004", "95.027", "99.025", "100.008");
        String[] report = row(lines, "report.run").trim().split("\\s+");
        assertThat(report[1]).isEqualTo("1");
        assertThat(Double.parseDouble(report[4])).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void stats_bySession_groupsCommandsWithoutASessionApart() throws Exception {
        writeKnownQueue();

        List<String> lines = Cli.run("stats", dir.toString(), "--by", "session").lines();

        assertThat(row(lines, "(none)").trim().split("\\s+")[1]).isEqualTo("1");
        assertThat(row(lines, "(all)").trim().split("\\s+")[1]).isEqualTo("101");
    }

    @Test
    void stats_countsSessionEntriesByTypeApartFromCommands() throws Exception {
        UUID session = UUID.randomUUID();
        List<DslEvent> events = new ArrayList<>();
        events.add(DslEvent.sessionStarted(Events.T0, session, SessionSource.REPL));
        EntryType[] types = {EntryType.USER_INPUT, EntryType.DSL_COMMAND, EntryType.USER_INPUT, EntryType.ERROR};
        for (int i = 0; i < types.length; i++) {
            events.add(DslEvent.sessionEntry(
                    Events.T0 + i + 1, session, new SessionEntry(types[i], i + 1, "REPL", "x", null)));
        }
        events.add(DslEvent.succeeded(Events.T0 + 10, session, "cbu.create", 1_000_000L));
        Cli.write(dir, events);

        List<String> lines = Cli.run("stats", dir.toString()).lines();

        assertThat(lines.get(0)).isEqualTo("events     6 (1 commands, 0 failed: 0.00%)");
        assertThat(lines.get(2)).isEqualTo("sessions   1 (1 started, 0 ended)");
        assertThat(lines.get(3)).isEqualTo("entries    4 (2 user_input, 1 dsl_command, 1 error)");
        assertThat(row(lines, "(all)").trim().split("\\s+")[1]).isEqualTo("1");
    }

    @Test
    void stats_withoutEntries_saysNone() throws Exception {
        writeKnownQueue();

        assertThat(Cli.run("stats", dir.toString()).lines().get(3)).isEqualTo("entries    0");
    }

    @Test
    void stats_percentiles_agreeWithAStraightCount() {
        StatsTable stats = new StatsTable(StatsTable.Grouping.verb);
        for (int i = 1; i <= 1000; i++) {
            stats.add(DslEvent.succeeded(i, null, "x.y", i * 1_000L));
        }

        StatsTable.Group group = stats.groups().get("x.y");

        assertThat(group.percentile(50)).isBetween(499_000L, 501_000L);
        assertThat(group.percentile(99)).isBetween(989_000L, 991_000L);
        assertThat(group.durations.getMaxValue()).isBetween(999_000L, 1_001_000L);
    }
}
