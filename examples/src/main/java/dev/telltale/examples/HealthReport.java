package dev.telltale.examples;

import dev.telltale.api.EventHealth;
import dev.telltale.api.EventRuntime;
import dev.telltale.api.EventStats;
import dev.telltale.api.SessionLogger;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;

/** What {@code :events} prints: the recorder's health, the same way in the REPL and the demo. */
final class HealthReport {

    /**
     * How long {@code :events} waits at most for the drain to settle, so a calm run shows emitted =
     * persisted: long enough for the drain thread to open a store right after start (a cold Chronicle
     * takes a second or two), which it does without making any command wait.
     */
    private static final long SETTLE_NANOS = 5_000_000_000L;

    private HealthReport() {}

    /** The recorder's health, then the session logger's figures. */
    static String current(SessionLogger logger) {
        String health = current();
        boolean recording = EventRuntime.current().health().status() != EventHealth.Status.DISABLED;
        return health + "\n" + conversation(logger, recording);
    }

    static String current() {
        EventRuntime runtime = EventRuntime.current();
        long deadline = System.nanoTime() + SETTLE_NANOS;
        EventHealth health = runtime.health();
        while (health.stats().pending() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000);
            health = runtime.health();
        }
        return format(health);
    }

    static String format(EventHealth health) {
        if (health.status() == EventHealth.Status.DISABLED) {
            return "events: " + String.join("; ", health.reasons());
        }
        EventStats stats = health.stats();
        StringBuilder text = new StringBuilder();
        text.append("events: ").append(health.status());
        if (!health.reasons().isEmpty()) {
            text.append(" (").append(String.join("; ", health.reasons())).append(')');
        }
        text.append('\n');
        text.append(String.format(Locale.ROOT, "  emitted    %,d%n", stats.emitted()));
        text.append(String.format(
                Locale.ROOT,
                "  dropped    %,d (%.2f%%: %,d queue full, %,d after close)%n",
                stats.dropped(),
                stats.dropRate() * 100,
                stats.droppedQueueFull(),
                stats.droppedClosed()));
        text.append(String.format(Locale.ROOT, "  persisted  %,d%n", stats.persisted()));
        text.append(String.format(
                Locale.ROOT, "  lost       %,d (store failures: %,d)%n", stats.lost(), stats.storeFailures()));
        text.append(String.format(Locale.ROOT, "  redacted   %,d secrets before they were stored%n", stats.redacted()));
        text.append(String.format(
                Locale.ROOT,
                "  queue      %,d pending, capacity %,d (%d stripes)%n",
                stats.pending(),
                stats.capacity(),
                stats.stripes()));
        text.append("  store      ").append(health.store());
        return text.toString();
    }

    /** The session logger's figures, beside the recorder's: its entries travel with the events. */
    static String conversation(SessionLogger logger, boolean recording) {
        StringBuilder text =
                new StringBuilder(String.format(Locale.ROOT, "  conversation %,d entries logged", logger.logged()));
        if (logger.logged() > 0) {
            StringJoiner byType = new StringJoiner(", ", " (", ")");
            logger.loggedByType()
                    .forEach((type, count) -> byType.add(String.format(Locale.ROOT, "%,d %s", count, type.wireName())));
            text.append(byType);
        }
        return text.append(recording ? ", recorded with the events above" : ", not recorded (events are compiled out)")
                .toString();
    }
}
