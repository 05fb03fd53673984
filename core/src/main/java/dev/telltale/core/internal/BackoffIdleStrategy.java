package dev.telltale.core.internal;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Spins, then yields, then parks for exponentially longer, up to a maximum, while there is no work;
 * resets as soon as there is. Given a deep sleep, once it has parked the longest park it sleeps
 * deeply instead (the drain: until a producer wakes it, at most {@code deepSleepNanos}), so that an
 * idle runner costs no CPU at all; without one it wakes once per {@code maxParkNanos}, as Agrona's
 * {@code BackoffIdleStrategy} does. Given a full unit of work, after less than that it parks the
 * shortest park before the next, so that a drain moves batches rather than single events. One
 * instance per runner thread.
 */
final class BackoffIdleStrategy implements IdleStrategy {

    private final long maxSpins;
    private final long maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;
    private final LongConsumer deepSleep;
    private final long deepSleepNanos;
    private final int fullWork;

    private long spins;
    private long yields;
    private long parkNanos;
    private boolean parkedLongest;

    BackoffIdleStrategy(long maxSpins, long maxYields, long minParkNanos, long maxParkNanos) {
        this(maxSpins, maxYields, minParkNanos, maxParkNanos, null, 0, 0);
    }

    /**
     * @param deepSleep sleeps at most the nanoseconds it is given, or less when woken; {@code null}: none
     * @param deepSleepNanos the longest deep sleep
     * @param fullWork a unit of work this large or larger is followed by the next at once; a smaller
     *     one by the shortest park, so that work (the drain's batch) builds up instead of being
     *     chased item by item; 0: any work is followed at once
     */
    BackoffIdleStrategy(
            long maxSpins,
            long maxYields,
            long minParkNanos,
            long maxParkNanos,
            LongConsumer deepSleep,
            long deepSleepNanos,
            int fullWork) {
        if (maxSpins < 0 || maxYields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException(
                    "need maxSpins >= 0, maxYields >= 0 and 1 <= minParkNanos <= maxParkNanos, got " + maxSpins + ", "
                            + maxYields + ", " + minParkNanos + ", " + maxParkNanos);
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        if (deepSleep != null && deepSleepNanos < maxParkNanos) {
            throw new IllegalArgumentException("need deepSleepNanos >= maxParkNanos, got " + deepSleepNanos);
        }
        this.deepSleep = deepSleep;
        this.deepSleepNanos = deepSleepNanos;
        this.fullWork = fullWork;
        reset();
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
            if (workCount < fullWork) {
                LockSupport.parkNanos(minParkNanos);
            }
        } else if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else if (parkedLongest && deepSleep != null) {
            deepSleep.accept(deepSleepNanos);
        } else {
            LockSupport.parkNanos(parkNanos);
            parkedLongest = parkNanos == maxParkNanos;
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    /** How long the next park lasts, if the next idle parks; for tests. */
    long nextParkNanos() {
        return parkNanos;
    }

    /** Whether the next idle sleeps deeply; for tests. */
    boolean sleepsDeeplyNext() {
        return parkedLongest && deepSleep != null;
    }

    /** Spins and yields done since the last reset; for tests. */
    long spinsAndYields() {
        return spins + yields;
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
        parkedLongest = false;
    }
}
