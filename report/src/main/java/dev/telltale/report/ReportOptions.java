package dev.telltale.report;

import java.util.Objects;
import java.util.UUID;

/**
 * What a report covers and says about itself.
 *
 * @param title the page's title, any text (it is escaped)
 * @param source where the events came from, as the page names it
 * @param session the session whose conversation the page shows, or {@code null} for none
 * @param fromEpochNanos the first instant covered, or {@link Long#MIN_VALUE} for the beginning
 * @param untilEpochNanos the instant the window ends (excluded), or {@link Long#MAX_VALUE} for the end
 */
public record ReportOptions(String title, String source, UUID session, long fromEpochNanos, long untilEpochNanos) {

    public ReportOptions {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        if (fromEpochNanos >= untilEpochNanos) {
            throw new IllegalArgumentException("the window is empty: it must start before it ends");
        }
    }

    /** The whole source, no conversation, the title {@code Telltale report: SOURCE}. */
    public static ReportOptions of(String source) {
        return new ReportOptions("Telltale report: " + source, source, null, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public ReportOptions withSession(UUID sessionId) {
        return new ReportOptions(title, source, sessionId, fromEpochNanos, untilEpochNanos);
    }

    public ReportOptions withWindow(long from, long until) {
        return new ReportOptions(title, source, session, from, until);
    }

    public ReportOptions withTitle(String newTitle) {
        return new ReportOptions(newTitle, source, session, fromEpochNanos, untilEpochNanos);
    }

    /** Whether an event at {@code epochNanos} is in the window. */
    boolean covers(long epochNanos) {
        return epochNanos >= fromEpochNanos && epochNanos < untilEpochNanos;
    }

    boolean windowed() {
        return fromEpochNanos != Long.MIN_VALUE || untilEpochNanos != Long.MAX_VALUE;
    }
}
