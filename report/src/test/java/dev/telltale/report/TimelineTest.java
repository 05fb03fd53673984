package dev.telltale.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_765_000_000L * SECOND;

    @Test
    void millisecondBuckets_untilTheRangeOutgrowsThem() {
        Timeline timeline = new Timeline();
        timeline.command(T0, false, -1, 5);
        timeline.command(T0 + 100_000_000L, true, -1, 5);
        assertThat(timeline.widthMillis()).isEqualTo(1);
        assertThat(timeline.size()).isEqualTo(101);

        timeline.command(T0 + 3 * SECOND, false, -1, 5);
        // 3 s in at most 300 buckets: 16 ms (8 ms would need 375)
        assertThat(timeline.widthMillis()).isEqualTo(16);
        assertThat(timeline.start(0)).isEqualTo(T0 / 1_000_000);
        assertThat(timeline.count(Timeline.SUCCEEDED, 0)).isEqualTo(1);
        assertThat(timeline.count(Timeline.FAILED, 6)).as("100 ms in").isEqualTo(1);
        assertThat(timeline.count(Timeline.SUCCEEDED, timeline.size() - 1)).isEqualTo(1);
    }

    @Test
    void aLongRange_widensTheBuckets_keepingEveryCountAndHistogram() {
        Timeline timeline = new Timeline();
        int series = timeline.addSeries();
        long total = 0;
        for (long s = 0; s < 10_000; s += 7) {
            timeline.command(T0 + s * SECOND, s % 2 == 0, series, 1000 + s);
            total++;
        }
        // and one before the first, which widens backwards
        timeline.command(T0 - 5_000 * SECOND, false, series, 1);
        total++;

        assertThat(timeline.size()).isLessThanOrEqualTo(Timeline.MAX_BUCKETS);
        // 15,000 s in at most 300 buckets: 65,536 ms (32,768 ms would need 458)
        assertThat(timeline.widthMillis()).isEqualTo(65_536);
        long counted = 0;
        long recorded = 0;
        for (int i = 0; i < timeline.size(); i++) {
            counted += timeline.count(Timeline.SUCCEEDED, i) + timeline.count(Timeline.FAILED, i);
            if (timeline.latency(series, i) != null) {
                recorded += timeline.latency(series, i).getTotalCount();
            }
            assertThat(timeline.start(i) % timeline.widthMillis()).as("aligned").isZero();
        }
        assertThat(counted).isEqualTo(total);
        assertThat(recorded).isEqualTo(total);
        assertThat(timeline.start(0)).isLessThanOrEqualTo((T0 - 5_000 * SECOND) / 1_000_000);
    }

    @Test
    void theFarthestInstants_fitWithoutOverflow() {
        Timeline timeline = new Timeline();
        timeline.count(Long.MIN_VALUE, Timeline.DROPPED, 1);
        timeline.count(Long.MAX_VALUE, Timeline.LOST, 2);
        long dropped = 0;
        long lost = 0;
        for (int i = 0; i < timeline.size(); i++) {
            dropped += timeline.count(Timeline.DROPPED, i);
            lost += timeline.count(Timeline.LOST, i);
        }
        assertThat(timeline.size()).isBetween(2, Timeline.MAX_BUCKETS);
        assertThat(dropped).isEqualTo(1);
        assertThat(lost).isEqualTo(2);
    }
}
