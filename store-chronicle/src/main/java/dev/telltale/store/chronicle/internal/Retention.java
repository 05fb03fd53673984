package dev.telltale.store.chronicle.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * Which cycle files to delete: those outside the newest {@code retainCycles} files, and those that
 * ended more than {@code retainAge} ago (each limit only when set; a file goes when it breaks either).
 * Two kinds of cycle are always kept, whatever the limits say: the current cycle (and any later one,
 * and the newest file), and every cycle a named reader has not passed yet, that is the cycle of the
 * oldest committed reader position and all after it. Immutable; any thread.
 *
 * @param retainCycles how many of the newest cycle files to keep; 0 for no limit
 * @param retainAge how long after its end a cycle is kept; {@link Duration#ZERO} for no limit
 */
public record Retention(int retainCycles, Duration retainAge) {

    /** Keeps everything. */
    public static final Retention KEEP_ALL = new Retention(0, Duration.ZERO);

    /** Validates the limits. */
    public Retention {
        if (retainCycles < 0) {
            throw new IllegalArgumentException("retainCycles must not be negative, got " + retainCycles);
        }
        if (retainAge == null || retainAge.isNegative()) {
            throw new IllegalArgumentException("retainAge must be zero or positive, got " + retainAge);
        }
    }

    /** Whether any limit is set. */
    public boolean deletesAnything() {
        return retainCycles > 0 || !retainAge.isZero();
    }

    /**
     * The cycles to delete, oldest first.
     *
     * @param present the cycles that have files, in order
     * @param currentCycle the cycle being written now
     * @param oldestReaderCycle the cycle of the oldest named reader position, or {@link Integer#MAX_VALUE} if none
     * @param nowMillis the time now, in milliseconds since the epoch
     * @param files when each cycle starts and ends
     */
    public List<Integer> cyclesToDelete(
            NavigableSet<Integer> present, int currentCycle, int oldestReaderCycle, long nowMillis, CycleFiles files) {
        List<Integer> doomed = new ArrayList<>();
        if (!deletesAnything() || present.isEmpty()) {
            return doomed;
        }
        int keepFrom = Math.min(Math.min(currentCycle, present.last()), oldestReaderCycle);
        int beyondCount = retainCycles == 0 ? Integer.MIN_VALUE : cycleAtRankFromNewest(present, retainCycles);
        long endedBefore = retainAge.isZero() ? Long.MIN_VALUE : nowMillis - retainAge.toMillis();
        for (int cycle : present.headSet(keepFrom, false)) {
            boolean tooMany = cycle < beyondCount;
            boolean tooOld = files.startMillisOf(cycle + 1) <= endedBefore;
            if (tooMany || tooOld) {
                doomed.add(cycle);
            }
        }
        return doomed;
    }

    /** The oldest of the newest {@code rank} cycles (all are kept when there are no more than that). */
    private static int cycleAtRankFromNewest(NavigableSet<Integer> present, int rank) {
        int seen = 0;
        for (int cycle : present.descendingSet()) {
            if (++seen == rank) {
                return cycle;
            }
        }
        return Integer.MIN_VALUE;
    }
}
