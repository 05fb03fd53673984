package dev.telltale.report;

import java.util.UUID;

/**
 * The distinct session ids seen, counted exactly up to a limit, in two {@code long} arrays (open
 * addressing, linear probing): 16 bytes an id where a {@code HashSet<UUID>} takes about 80. Past the
 * limit nothing more is kept and {@link #exact()} turns false. Single thread.
 */
final class SessionIds {

    private final int limit;
    private long[] most = new long[64];
    private long[] least = new long[64];
    private boolean[] used = new boolean[64];
    private int size;
    private boolean exact = true;

    SessionIds(int limit) {
        this.limit = limit;
    }

    void add(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int mask = used.length - 1;
        int slot = mix(hi, lo) & mask;
        while (used[slot]) {
            if (most[slot] == hi && least[slot] == lo) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= limit) {
            exact = false;
            return;
        }
        used[slot] = true;
        most[slot] = hi;
        least[slot] = lo;
        size++;
        if (size * 2 > used.length) {
            grow();
        }
    }

    /** The distinct ids seen, or the limit when there were more. */
    int size() {
        return size;
    }

    /** Whether {@link #size()} is the exact count. */
    boolean exact() {
        return exact;
    }

    private void grow() {
        long[] oldMost = most;
        long[] oldLeast = least;
        boolean[] oldUsed = used;
        most = new long[oldUsed.length * 2];
        least = new long[oldUsed.length * 2];
        used = new boolean[oldUsed.length * 2];
        int mask = used.length - 1;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int slot = mix(oldMost[i], oldLeast[i]) & mask;
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                most[slot] = oldMost[i];
                least[slot] = oldLeast[i];
            }
        }
    }

    private static int mix(long hi, long lo) {
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
