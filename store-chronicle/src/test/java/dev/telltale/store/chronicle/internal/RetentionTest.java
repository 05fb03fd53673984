package dev.telltale.store.chronicle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;

class RetentionTest {

    /** Hourly cycles 100..109; 109 is the current one. */
    private static final NavigableSet<Integer> PRESENT =
            IntStream.rangeClosed(100, 109).boxed().collect(TreeSet::new, TreeSet::add, TreeSet::addAll);

    private static final CycleFiles FILES = new CycleFiles(Path.of("q"), RollCycles.FAST_HOURLY, 0);
    private static final long NOW = FILES.startMillisOf(109) + 1_000;
    private static final int NO_READER = Integer.MAX_VALUE;

    @Test
    void cyclesToDelete_withRetainCycles_keepsTheNewestN() {
        Retention retention = new Retention(3, Duration.ZERO);

        assertThat(retention.cyclesToDelete(PRESENT, 109, NO_READER, NOW, FILES))
                .containsExactly(100, 101, 102, 103, 104, 105, 106);
    }

    @Test
    void cyclesToDelete_withRetainAge_deletesCyclesThatEndedLongerAgo() {
        Retention retention = new Retention(0, Duration.ofHours(3));

        // Cycle 105 ended at the start of 106, 3 h and 1 s before NOW.
        assertThat(retention.cyclesToDelete(PRESENT, 109, NO_READER, NOW, FILES))
                .containsExactly(100, 101, 102, 103, 104, 105);
    }

    @Test
    void cyclesToDelete_withBothLimits_deletesWhatBreaksEither() {
        Retention retention = new Retention(8, Duration.ofHours(6));

        assertThat(retention.cyclesToDelete(PRESENT, 109, NO_READER, NOW, FILES))
                .containsExactly(100, 101, 102);
    }

    @Test
    void cyclesToDelete_neverTheCycleANamedReaderHasNotPassed() {
        Retention retention = new Retention(1, Duration.ZERO);

        assertThat(retention.cyclesToDelete(PRESENT, 109, 103, NOW, FILES)).containsExactly(100, 101, 102);
    }

    @Test
    void cyclesToDelete_neverTheCurrentCycleNorTheNewestFile() {
        Retention retention = new Retention(1, Duration.ofMillis(1));

        assertThat(retention.cyclesToDelete(PRESENT, 200, NO_READER, FILES.startMillisOf(300), FILES))
                .doesNotContain(109)
                .hasSize(9);
        assertThat(retention.cyclesToDelete(PRESENT, 105, NO_READER, FILES.startMillisOf(300), FILES))
                .containsExactly(100, 101, 102, 103, 104);
    }

    @Test
    void cyclesToDelete_withoutLimits_deletesNothing() {
        assertThat(Retention.KEEP_ALL.cyclesToDelete(PRESENT, 109, NO_READER, NOW, FILES))
                .isEmpty();
    }

    @Test
    void new_negativeLimits_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> new Retention(-1, Duration.ZERO))
                .hasMessage("retainCycles must not be negative, got -1");
        assertThatThrownBy(() -> new Retention(0, Duration.ofDays(-1)))
                .hasMessage("retainAge must be zero or positive, got PT-24H");
    }
}
