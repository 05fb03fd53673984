package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.EntryType;
import dev.telltale.api.EventPayload;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * Aggregates events for {@code telltale stats}: per group (verb, session or hour) a count, a failure
 * count and an HdrHistogram of command durations (3 significant digits); overall the time range,
 * the sessions seen, the session events and the session-log entries by type (entries are not
 * commands). Single thread.
 */
final class StatsTable {

    /** How commands are grouped. */
    enum Grouping {
        verb,
        session,
        hour
    }

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    /** The counts of one group. */
    static final class Group {
        final Histogram durations = new Histogram(3);
        long commands;
        long failed;

        void add(long durationNanos, boolean failure) {
            commands++;
            if (failure) {
                failed++;
            }
            durations.recordValue(durationNanos);
        }

        /** The duration at a percentile, in nanoseconds. */
        long percentile(double percentile) {
            return durations.getValueAtPercentile(percentile);
        }
    }

    private final Grouping grouping;
    private final Map<String, Group> groups = new TreeMap<>();
    private final Group all = new Group();
    private final Set<UUID> sessions = new HashSet<>();
    private long events;
    private long sessionsStarted;
    private long sessionsEnded;
    private final Map<EntryType, Long> entries = new EnumMap<>(EntryType.class);
    private long entryCount;
    private long accounts;
    private long droppedQueueFull;
    private long droppedClosed;
    private long droppedNull;
    private long lost;
    private long firstLoss = Long.MAX_VALUE;
    private long lastLoss = Long.MIN_VALUE;
    private DslEvent finalAccount;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    StatsTable(Grouping grouping) {
        this.grouping = grouping;
    }

    void add(DslEvent event) {
        events++;
        first = Math.min(first, event.epochNanos());
        last = Math.max(last, event.epochNanos());
        if (event.sessionId() != null) {
            sessions.add(event.sessionId());
        }
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.CommandSucceeded ok) {
            addCommand(event, ok.verb(), ok.durationNanos(), false);
        } else if (payload instanceof EventPayload.CommandFailed failed) {
            addCommand(event, failed.verb(), failed.durationNanos(), true);
        } else if (payload instanceof EventPayload.SessionStarted) {
            sessionsStarted++;
        } else if (payload instanceof EventPayload.SessionEntry entry) {
            entryCount++;
            entries.merge(entry.entryType(), 1L, Long::sum);
        } else if (payload instanceof EventPayload.RecorderAccount account) {
            addAccount(event, account);
        } else {
            sessionsEnded++;
        }
    }

    private void addAccount(DslEvent event, EventPayload.RecorderAccount account) {
        accounts++;
        droppedQueueFull += account.droppedQueueFull();
        droppedClosed += account.droppedClosed();
        droppedNull += account.droppedNull();
        lost += account.lost();
        if (account.dropped() + account.lost() > 0) {
            firstLoss = Math.min(firstLoss, account.sinceEpochNanos());
            lastLoss = Math.max(lastLoss, event.epochNanos());
        }
        if (account.closing()) {
            finalAccount = event;
        }
    }

    /** Session-log entries counted so far, by type, types with none left out. */
    Map<EntryType, Long> entries() {
        return entries;
    }

    private void addCommand(DslEvent event, String verb, long durationNanos, boolean failure) {
        all.add(durationNanos, failure);
        groups.computeIfAbsent(keyOf(event, verb), key -> new Group()).add(durationNanos, failure);
    }

    private String keyOf(DslEvent event, String verb) {
        return switch (grouping) {
            case verb -> Printable.of(verb);
            case session ->
                event.sessionId() == null ? "(none)" : event.sessionId().toString();
            case hour -> HOUR.format(event.timestamp());
        };
    }

    Map<String, Group> groups() {
        return groups;
    }

    Group all() {
        return all;
    }

    void print(PrintWriter out) {
        if (events == 0) {
            out.println("no events");
            return;
        }
        out.printf(
                Locale.ROOT,
                "events     %,d (%,d commands, %,d failed: %.2f%%)%n",
                events,
                all.commands,
                all.failed,
                all.commands == 0 ? 0.0 : 100.0 * all.failed / all.commands);
        out.printf(Locale.ROOT, "time       %s .. %s%n", TIME.format(instant(first)), TIME.format(instant(last)));
        out.printf(
                Locale.ROOT,
                "sessions   %,d (%,d started, %,d ended)%n",
                sessions.size(),
                sessionsStarted,
                sessionsEnded);
        out.printf(
                Locale.ROOT,
                "entries    %,d%s%n",
                entryCount,
                entries.isEmpty()
                        ? ""
                        : entries.entrySet().stream()
                                .map(byType -> String.format(
                                        Locale.ROOT,
                                        "%,d %s",
                                        byType.getValue(),
                                        byType.getKey().wireName()))
                                .collect(Collectors.joining(", ", " (", ")")));
        printRecorder(out);
        out.println();
        int width = Math.max(
                grouping.name().length(),
                groups.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %10s %8s %7s %10s %10s %10s %10s%n";
        out.printf(
                Locale.ROOT,
                row,
                grouping.name(),
                "commands",
                "failed",
                "fail%",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms");
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            printRow(out, row, entry.getKey(), entry.getValue());
        }
        printRow(out, row, "(all)", all);
    }

    /**
     * What the recorder's own accounts say: events dropped (by reason, when) and lost, and its final
     * totals, or that it never closed.
     */
    private void printRecorder(PrintWriter out) {
        if (accounts == 0) {
            out.println("recorder   no account of drops in the source: the recording process did not close (killed,"
                    + " or still running) or predates accounts");
            return;
        }
        long dropped = droppedQueueFull + droppedClosed + droppedNull;
        out.printf(Locale.ROOT, "recorder   dropped %,d", dropped);
        if (dropped > 0) {
            out.print(" (" + TextFormat.dropReasons(droppedQueueFull, droppedClosed, droppedNull) + ")");
        }
        out.printf(Locale.ROOT, ", lost %,d", lost);
        if (dropped + lost > 0) {
            out.printf(
                    Locale.ROOT, " between %s and %s", TIME.format(instant(firstLoss)), TIME.format(instant(lastLoss)));
        }
        out.printf(Locale.ROOT, " (%,d %s)%n", accounts, accounts == 1 ? "account" : "accounts");
        if (finalAccount == null) {
            out.println("           no final account: the recording process did not close (killed, or still running)");
        } else {
            EventPayload.RecorderAccount last = (EventPayload.RecorderAccount) finalAccount.payload();
            out.printf(
                    Locale.ROOT,
                    "           closed %s: emitted %,d, persisted %,d, dropped %,d, lost %,d%n",
                    TIME.format(finalAccount.timestamp()),
                    last.emitted(),
                    last.persisted(),
                    last.droppedTotal(),
                    last.lostTotal());
        }
    }

    private static void printRow(PrintWriter out, String row, String key, Group group) {
        out.printf(
                Locale.ROOT,
                row,
                key,
                String.format(Locale.ROOT, "%,d", group.commands),
                String.format(Locale.ROOT, "%,d", group.failed),
                String.format(Locale.ROOT, "%.1f", group.commands == 0 ? 0.0 : 100.0 * group.failed / group.commands),
                ms(group.percentile(50)),
                ms(group.percentile(95)),
                ms(group.percentile(99)),
                ms(group.durations.getMaxValue()));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
