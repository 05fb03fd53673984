package dev.telltale.cli;

import dev.telltale.api.DslEvent;
import dev.telltale.api.ErrorSnapshot;
import dev.telltale.api.EventClock;
import dev.telltale.api.EventPayload;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Help.Ansi;

/**
 * One aligned line per event: time (UTC), session (first 8 hex digits, or -), verb, outcome,
 * duration, error; for a session-log entry its type, number, content (quoted, cut to
 * {@value #MAX_CONTENT_SHOWN} chars) and the verb of the command it refers to. Colours only when
 * {@code ansi} says so (a terminal, not a pipe). Event content (verbs, error types, messages, source
 * ids, entry content) goes through {@link Printable}, so an event is one line that cannot drive the
 * terminal, on a terminal and in a pipe. Stateless.
 *
 * <pre>
 * 2026-11-27 04:31:27.123  3f2a9c1e  cbu.create            ok        1.234 ms
 * 2026-11-27 04:31:27.456  3f2a9c1e  cbu.get               FAILED    0.210 ms  404 DslException$NotFound: no entity with id cbu-9 [cbu-9]
 * 2026-11-27 04:31:27.460  3f2a9c1e  session_entry dsl_command #3 "(cbu.get :id \"cbu-9\")" -> cbu.get
 * </pre>
 */
final class TextFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The most chars of an entry's content a line shows: {@value}. */
    static final int MAX_CONTENT_SHOWN = 120;

    private final Ansi ansi;

    TextFormat(Ansi ansi) {
        this.ansi = ansi;
    }

    String format(DslEvent event) {
        String time = TIME.format(event.timestamp());
        String session =
                event.sessionId() == null ? "-" : event.sessionId().toString().substring(0, 8);
        String prefix = style("faint", time) + "  " + String.format(Locale.ROOT, "%-8s", session) + "  ";
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.CommandSucceeded ok) {
            return prefix + String.format(Locale.ROOT, "%-24s ", Printable.of(ok.verb())) + style("green", "ok    ")
                    + "  " + millis(ok.durationNanos());
        }
        if (payload instanceof EventPayload.CommandFailed failed) {
            return prefix + String.format(Locale.ROOT, "%-24s ", Printable.of(failed.verb()))
                    + style("red,bold", "FAILED") + "  " + millis(failed.durationNanos()) + "  "
                    + style("red", error(failed.error()));
        }
        if (payload instanceof EventPayload.SessionStarted started) {
            return prefix + style("cyan", "session started") + " (" + started.source() + ")";
        }
        if (payload instanceof EventPayload.SessionEntry entry) {
            String ref = entry.event() == null
                    ? ""
                    : " -> " + Printable.of(entry.event().verb());
            return prefix + style("magenta", event.type().wireName()) + " "
                    + entry.entryType().wireName() + " #" + entry.entryNo() + " " + quoted(entry.content()) + ref;
        }
        if (payload instanceof EventPayload.RecorderAccount account) {
            return prefix + style(account.dropped() + account.lost() == 0 ? "faint" : "yellow,bold", account(account));
        }
        EventPayload.SessionEnded ended = (EventPayload.SessionEnded) payload;
        return prefix
                + style("cyan", "session ended")
                + String.format(
                        Locale.ROOT,
                        " (%d commands, %d failed, %.1f s)",
                        ended.commandCount(),
                        ended.errorCount(),
                        ended.durationNanos() / 1e9);
    }

    /**
     * {@code text} in double quotes, escaped (a quote as backslash-quote), cut to
     * {@value #MAX_CONTENT_SHOWN} chars without splitting a surrogate pair, {@code ...} after a cut.
     */
    static String quoted(String text) {
        boolean cut = text.length() > MAX_CONTENT_SHOWN;
        int end = MAX_CONTENT_SHOWN;
        if (cut && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        String shown = cut ? text.substring(0, end) : text;
        return '"' + Printable.of(shown).replace("\"", "\\\"") + '"' + (cut ? "..." : "");
    }

    /**
     * A recorder account in words: {@code recorder dropped 120 (queue full 120) and lost 0 since
     * 04:31:26.123}, and for the final one also {@code closed: emitted 9, persisted 9, dropped 0, lost 0}.
     */
    static String account(EventPayload.RecorderAccount account) {
        StringBuilder text = new StringBuilder("recorder dropped ").append(account.dropped());
        if (account.dropped() > 0) {
            text.append(" (")
                    .append(dropReasons(account.droppedQueueFull(), account.droppedClosed(), account.droppedNull()))
                    .append(')');
        }
        text.append(" and lost ")
                .append(account.lost())
                .append(" since ")
                .append(TIME.format(EventClock.toInstant(account.sinceEpochNanos())));
        if (account.closing()) {
            text.append("; closed: emitted ")
                    .append(account.emitted())
                    .append(", persisted ")
                    .append(account.persisted())
                    .append(", dropped ")
                    .append(account.droppedTotal())
                    .append(", lost ")
                    .append(account.lostTotal());
        }
        return text.toString();
    }

    /** Drops by reason with their counts, those with none left out: {@code queue full 3, closed 1}. */
    static String dropReasons(long queueFull, long closed, long invalid) {
        StringBuilder reasons = new StringBuilder();
        appendReason(reasons, "queue full", queueFull);
        appendReason(reasons, "closed", closed);
        appendReason(reasons, "invalid", invalid);
        return reasons.toString();
    }

    private static void appendReason(StringBuilder reasons, String reason, long count) {
        if (count > 0) {
            reasons.append(reasons.length() == 0 ? "" : ", ")
                    .append(reason)
                    .append(' ')
                    .append(count);
        }
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%10.3f ms", nanos / 1e6);
    }

    private static String error(ErrorSnapshot error) {
        String type = error.errorType();
        int dot = type.lastIndexOf('.');
        StringBuilder text = new StringBuilder();
        if (error.httpStatus() != null) {
            text.append(error.httpStatus()).append(' ');
        }
        text.append(dot < 0 ? type : type.substring(dot + 1));
        if (!error.message().isEmpty()) {
            text.append(": ").append(error.message());
        }
        if (error.sourceId() != null) {
            text.append(" [").append(error.sourceId()).append(']');
        }
        return Printable.of(text.toString());
    }

    private String style(String styles, String text) {
        if (!ansi.enabled()) {
            return text;
        }
        // Escape picocli's markup characters in the text itself.
        return ansi.string("@|" + styles + " " + text.replace("|@", "| @") + "|@");
    }
}
