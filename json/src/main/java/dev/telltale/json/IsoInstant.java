package dev.telltale.json;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An instant in nanoseconds since the epoch as {@link DateTimeFormatter#ISO_INSTANT} writes it
 * ({@code 2026-11-27T04:31:27.123456789Z}: the fraction in zero, three, six or nine digits), with the
 * date and time of day formatted once per second per thread: events come many to a second, and the
 * formatter was the costliest part of writing one.
 */
final class IsoInstant {

    private static final ThreadLocal<IsoInstant> LAST_SECOND = ThreadLocal.withInitial(IsoInstant::new);

    private long second = Long.MIN_VALUE;
    /** The second's text without the zone, such as {@code 2026-11-27T04:31:27}. */
    private String prefix = "";

    private IsoInstant() {}

    static String format(long epochNanos) {
        return LAST_SECOND.get().of(epochNanos);
    }

    private String of(long epochNanos) {
        long epochSecond = Math.floorDiv(epochNanos, 1_000_000_000L);
        int nano = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        if (epochSecond != second) {
            String whole = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond));
            prefix = whole.substring(0, whole.length() - 1);
            second = epochSecond;
        }
        if (nano == 0) {
            return prefix + 'Z';
        }
        StringBuilder text =
                new StringBuilder(prefix.length() + 11).append(prefix).append('.');
        if (nano % 1_000_000 == 0) {
            digits(text, nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
            digits(text, nano / 1_000, 6);
        } else {
            digits(text, nano, 9);
        }
        return text.append('Z').toString();
    }

    private static void digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            text.append('0');
        }
        text.append(digits);
    }
}
