package dev.telltale.api.source;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an {@link EventCursor} starts: at the start of the source, at its end (only events appended
 * from now on), at a position ({@link RecordedEvent#position()}: a Chronicle index, a JSON Lines line
 * number), or at a time. Immutable; any thread.
 */
public sealed interface Position permits Position.Start, Position.End, Position.AtIndex, Position.AtTime {

    /** The oldest event still in the source. */
    record Start() implements Position {}

    /** Just after the newest event: only events appended from now on. */
    record End() implements Position {}

    /**
     * The first event whose position is at least {@code index}: the event at that position if there
     * is one ({@link RecordedEvent#position()}, {@link EventCursor#resumePosition()}). A position older
     * than the oldest event kept starts at the start; one past the end starts at the end.
     *
     * @param index a position in the source, not negative
     */
    record AtIndex(long index) implements Position {
        /** Checks the index is not negative. */
        public AtIndex {
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative, got " + index);
            }
        }
    }

    /**
     * The first event, in source order, whose timestamp is at or after {@code time}; events before it
     * are skipped, however many follow.
     *
     * @param time the instant
     */
    record AtTime(Instant time) implements Position {
        /** Checks the time is present. */
        public AtTime {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * Reads a position as a user writes it, with local times in the system's time zone; see
     * {@link #parse(String, ZoneId)}.
     */
    static Position parse(String text) {
        return parse(text, ZoneId.systemDefault());
    }

    /**
     * Reads a position as a user writes it: {@code start}, {@code end}, an index in decimal or
     * {@code 0x}-hex ({@code 0x6b09132400000002}), an ISO-8601 instant ({@code 2026-11-27T04:00:00Z},
     * {@code 2026-11-27T05:00:00+01:00}), or a local date-time or date in {@code zone}
     * ({@code 2026-11-27T04:00}, {@code 2026-11-27}: its start).
     *
     * @throws IllegalArgumentException naming the value when it is none of those
     */
    static Position parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            if (lower.equals("start")) {
                return new Start();
            }
            if (lower.equals("end")) {
                return new End();
            }
            if (lower.startsWith("0x") && value.length() > 2) {
                return new AtIndex(Long.parseLong(value.substring(2), 16));
            }
            if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new AtIndex(Long.parseLong(value));
            }
            return new AtTime(parseTime(value, zone));
        } catch (DateTimeException | IllegalArgumentException e) {
            String shown = text == null ? "null" : text.length() > 64 ? text.substring(0, 64) + "..." : text;
            throw new IllegalArgumentException(
                    "--from: expected start, end, an index or a time such as " + "2026-11-27T04:00:00Z, got '" + shown
                            + "'",
                    e);
        }
    }

    private static Instant parseTime(String value, ZoneId zone) {
        if (value.length() < 10 || value.charAt(4) != '-') {
            throw new DateTimeException("not a date: " + value);
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(zone).toInstant();
        }
        char last = value.charAt(value.length() - 1);
        boolean hasZone = last == 'Z' || last == 'z' || value.lastIndexOf('+') > 10 || value.lastIndexOf('-') > 10;
        if (hasZone) {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
        }
        return LocalDateTime.parse(value).atZone(zone).toInstant();
    }
}
