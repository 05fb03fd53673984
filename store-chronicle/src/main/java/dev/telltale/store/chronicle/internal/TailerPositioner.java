package dev.telltale.store.chronicle.internal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Puts a tailer where a cursor starts, and remembers which cycle it was entering, so that a cycle file
 * that cannot be opened can be named. One use, on one thread.
 */
final class TailerPositioner {

    /** {@link #cycleEntered()} before any cycle was entered. */
    static final int NO_CYCLE = Integer.MIN_VALUE;

    private static final int ATTEMPTS = 3;

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private int cycleEntered = NO_CYCLE;

    TailerPositioner(SingleChronicleQueue queue, ExcerptTailer tailer) {
        this.queue = queue;
        this.tailer = tailer;
    }

    /** The cycle whose file was last entered (or about to be), or {@link #NO_CYCLE}. */
    int cycleEntered() {
        return cycleEntered;
    }

    /** At the oldest event; returns the index there. */
    long toStart() {
        // NOTE: retention (in a writer, maybe another process) may have deleted the oldest files since
        // this queue last listed the directory, and a read-only queue fails on entering a missing file.
        // Chronicle's shared metadata usually has the news already; listing again is cheap insurance.
        queue.refreshDirectoryListing();
        cycleEntered = queue.firstCycle();
        return tailer.toStart().index();
    }

    /** After the newest event; returns the index there. */
    long toEnd() {
        queue.refreshDirectoryListing();
        cycleEntered = queue.lastCycle();
        return tailer.toEnd().index();
    }

    /**
     * At the first event whose index is at least {@code index}; at the end if there is none (yet).
     * Returns the index there.
     */
    long toFirstAtOrAfter(long index) {
        RollCycle rollCycle = queue.rollCycle();
        int cycle = rollCycle.toCycle(index);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            queue.refreshDirectoryListing();
            int lastCycle = queue.lastCycle();
            // NOTE: only cycles that have a file: a read-only queue fails on moving into a missing one.
            if (cycle <= lastCycle) {
                for (long present : queue.listCyclesBetween(Math.max(cycle, queue.firstCycle()), lastCycle)) {
                    long candidate = present == cycle ? index : rollCycle.toIndex((int) present, 0);
                    cycleEntered = (int) present;
                    if (tailer.moveToIndex(candidate)) {
                        return candidate;
                    }
                }
            }
            long end = toEnd();
            if (end <= index) {
                return end;
            }
            // NOTE: the end moved past the index while we looked: a writer appended at or after it. Look again.
        }
        return toEnd();
    }
}
