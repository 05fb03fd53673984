package dev.telltale.core.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins, then yields, then parks for exponentially longer, up to a maximum, while there is no work;
 * resets as soon as there is. When idle for long it wakes once per {@code maxParkNanos}, which
 * costs next to no CPU. One instance per runner thread.
 */
final class BackoffIdleStrategy implements IdleStrategy {

    private final long maxSpins;
    private final long maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;

    private long spins;
    private long yields;
    private long parkNanos;

    BackoffIdleStrategy(long maxSpins, long maxYields, long minParkNanos, long maxParkNanos) {
        if (maxSpins < 0 || maxYields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("need maxSpins >= 0, maxYields >= 0 and 1 <= minParkNanos <= maxParkNanos, got "
                    + maxSpins + ", " + maxYields + ", " + minParkNanos + ", " + maxParkNanos);
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        reset();
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
        } else if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(parkNanos << 1, maxParkNanos);
        }
    }

    /** How long the next park lasts, if the next idle parks; for tests. */
    long nextParkNanos() {
        return parkNanos;
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
    }
}
