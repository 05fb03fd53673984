package dev.telltale.api;

import java.time.Instant;

/**
 * Wall-clock timestamps derived from {@link System#nanoTime()}, so that code timing a command reads
 * one clock once per boundary instead of two clocks: {@code epochNanos(start)} turns the start
 * reading into a wall-clock time.
 *
 * <p>The mapping is anchored once when this class loads and again on each {@link #recalibrate()};
 * between anchors it follows the monotonic clock, so a wall-clock step (an NTP correction) shows up
 * only at the next recalibration. Any thread may call any method.
 */
public final class EventClock {

    /** Anchors are immutable; the volatile field publishes a whole one at a time. */
    private static volatile Anchor anchor = Anchor.take();

    private EventClock() {}

    /** Nanoseconds since the epoch (UTC) for a reading of {@link System#nanoTime()}. */
    public static long epochNanos(long nanoTime) {
        Anchor current = anchor;
        return current.epochNanos + (nanoTime - current.nanoTime);
    }

    /** Nanoseconds since the epoch (UTC), now. */
    public static long nowEpochNanos() {
        return epochNanos(System.nanoTime());
    }

    /** The instant for nanoseconds since the epoch. */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }

    /**
     * Nanoseconds since the epoch for an instant.
     *
     * @throws ArithmeticException for an instant outside what a {@code long} of nanoseconds holds
     *     (about the years 1677 to 2262)
     */
    public static long toEpochNanos(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (seconds < 0 && nanos > 0) {
            // As Instant.toEpochMilli does: seconds * 10^9 alone can overflow where the sum fits.
            return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nanos - 1_000_000_000L);
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    /**
     * Re-reads the wall clock, so that later timestamps follow any correction made to it since the
     * last anchor. Telltale's drain thread calls this periodically.
     */
    public static void recalibrate() {
        anchor = Anchor.take();
    }

    private record Anchor(long epochNanos, long nanoTime) {
        static Anchor take() {
            long before = System.nanoTime();
            long wall = toEpochNanos(Instant.now());
            long after = System.nanoTime();
            return new Anchor(wall, before + (after - before) / 2);
        }
    }
}
