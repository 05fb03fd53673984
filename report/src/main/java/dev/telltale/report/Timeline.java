package dev.telltale.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Counts and latency histograms per time bucket, in at most {@link #MAX_BUCKETS} buckets whatever the
 * time range: buckets start one millisecond wide (a demo of a second still gets a curve) and double in width (two merged into one) whenever an
 * event falls outside what {@code MAX_BUCKETS} buckets of the current width cover, before or after.
 * So memory is bounded and a pass needs no time range up front. Kept in milliseconds, so that any two
 * instants an event can hold (years 1677 to 2262) are a difference a {@code long} holds. Single thread.
 */
final class Timeline {

    static final int MAX_BUCKETS = 300;

    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    static final int DROPPED = 2;
    static final int LOST = 3;
    private static final int COUNTS = 4;

    /** Significant digits of the latency histograms per bucket: enough for a chart, small when packed. */
    private static final int SERIES_DIGITS = 2;

    private long widthMillis = 1;
    /** The start of bucket 0; meaningful once {@link #started}. */
    private long origin;

    private boolean started;
    private int firstUsed = Integer.MAX_VALUE;
    private int lastUsed = -1;
    private long[][] counts = new long[COUNTS][MAX_BUCKETS];
    /** Per latency series (a verb), per bucket, or null where the bucket has no command of it. */
    private final List<AbstractHistogram[]> series = new ArrayList<>();

    /** Adds a latency series and returns its number. */
    int addSeries() {
        series.add(new AbstractHistogram[MAX_BUCKETS]);
        return series.size() - 1;
    }

    /** Adds {@code amount} to a count at {@code epochNanos}. */
    void count(long epochNanos, int what, long amount) {
        int bucket = bucket(epochNanos); // first: it may replace the arrays
        counts[what][bucket] += amount;
    }

    /** Counts a command and, if {@code seriesNo >= 0}, records its duration in that series. */
    void command(long epochNanos, boolean failed, int seriesNo, long durationNanos) {
        int bucket = bucket(epochNanos);
        counts[failed ? FAILED : SUCCEEDED][bucket]++;
        if (seriesNo >= 0) {
            AbstractHistogram[] buckets = series.get(seriesNo);
            AbstractHistogram histogram = buckets[bucket];
            if (histogram == null) {
                histogram = new PackedHistogram(SERIES_DIGITS);
                buckets[bucket] = histogram;
            }
            histogram.recordValue(durationNanos);
        }
    }

    boolean isEmpty() {
        return lastUsed < 0;
    }

    long widthMillis() {
        return widthMillis;
    }

    /** The buckets from the first used to the last used, inclusive: how many. */
    int size() {
        return isEmpty() ? 0 : lastUsed - firstUsed + 1;
    }

    /** The start of the {@code i}-th bucket shown, in milliseconds since the epoch. */
    long start(int i) {
        return origin + (firstUsed + i) * widthMillis;
    }

    long count(int what, int i) {
        return counts[what][firstUsed + i];
    }

    /** The series' histogram in the {@code i}-th bucket shown, or null. */
    AbstractHistogram latency(int seriesNo, int i) {
        return series.get(seriesNo)[firstUsed + i];
    }

    private int bucket(long epochNanos) {
        long millis = Math.floorDiv(epochNanos, 1_000_000L);
        if (!started) {
            started = true;
            origin = Math.floorDiv(millis, widthMillis) * widthMillis;
        }
        long index = Math.floorDiv(millis - origin, widthMillis);
        if (index < 0 || index >= MAX_BUCKETS) {
            widen(millis);
            index = Math.floorDiv(millis - origin, widthMillis);
        }
        int at = (int) index;
        firstUsed = Math.min(firstUsed, at);
        lastUsed = Math.max(lastUsed, at);
        return at;
    }

    /**
     * Moves the origin and, as far as needed, doubles the width, until the used buckets and
     * {@code millis} fit, each bucket start aligned to the width; then moves every bucket into its place.
     */
    private void widen(long millis) {
        long low = Math.min(millis, lastUsed < 0 ? millis : origin + firstUsed * widthMillis);
        long high = Math.max(millis, lastUsed < 0 ? millis : origin + lastUsed * widthMillis);
        long width = widthMillis;
        long newOrigin = Math.floorDiv(low, width) * width;
        while (Math.floorDiv(high - newOrigin, width) >= MAX_BUCKETS) {
            width *= 2;
            newOrigin = Math.floorDiv(low, width) * width;
        }
        long[][] newCounts = new long[COUNTS][MAX_BUCKETS];
        List<AbstractHistogram[]> newSeries = new ArrayList<>();
        series.forEach(s -> newSeries.add(new AbstractHistogram[MAX_BUCKETS]));
        int newFirst = Integer.MAX_VALUE;
        int newLast = -1;
        for (int old = firstUsed; old <= lastUsed; old++) {
            int to = (int) Math.floorDiv(origin + old * widthMillis - newOrigin, width);
            newFirst = Math.min(newFirst, to);
            newLast = Math.max(newLast, to);
            for (int what = 0; what < COUNTS; what++) {
                newCounts[what][to] += counts[what][old];
            }
            for (int s = 0; s < series.size(); s++) {
                AbstractHistogram from = series.get(s)[old];
                if (from != null) {
                    AbstractHistogram[] target = newSeries.get(s);
                    if (target[to] == null) {
                        target[to] = from;
                    } else {
                        target[to].add(from);
                    }
                }
            }
        }
        counts = newCounts;
        for (int s = 0; s < series.size(); s++) {
            series.set(s, newSeries.get(s));
        }
        origin = newOrigin;
        widthMillis = width;
        firstUsed = newFirst;
        lastUsed = newLast;
    }
}
