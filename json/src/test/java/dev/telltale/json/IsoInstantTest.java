package dev.telltale.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cached formatting writes exactly what ISO_INSTANT writes, for every kind of instant. */
class IsoInstantTest {

    private static String expected(long epochNanos) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(
                Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L)));
    }

    @Test
    void edgesAndEachFractionWidth() {
        long[] cases = {
            0,
            1,
            -1,
            999_999_999,
            1_000_000_000,
            -1_000_000_000,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            1_764_000_000_000_000_000L,
            1_764_000_000_123_000_000L,
            1_764_000_000_123_456_000L,
            1_764_000_000_123_456_789L,
            1_764_000_000_000_000_001L,
            1_764_000_000_010_000_000L,
            1_764_000_000_000_010_000L,
            1_764_000_001_000_000_000L,
            -1_764_000_000_123_456_789L
        };
        for (long nanos : cases) {
            assertThat(IsoInstant.format(nanos)).as("%d", nanos).isEqualTo(expected(nanos));
        }
        assertThat(IsoInstant.format(1_764_000_000_123_000_000L)).isEqualTo("2025-11-24T16:00:00.123Z");
    }

    @Test
    void randomInstants_nearAndFarApart() {
        SplittableRandom random = new SplittableRandom(17);
        long near = 1_764_000_000_000_000_000L;
        for (int i = 0; i < 200_000; i++) {
            long nanos = i % 2 == 0 ? random.nextLong() : near + random.nextLong(5_000_000_000L);
            if (i % 5 == 0) {
                nanos -= Math.floorMod(nanos, 1_000_000L);
            } else if (i % 7 == 0) {
                nanos -= Math.floorMod(nanos, 1_000L);
            }
            assertThat(IsoInstant.format(nanos)).as("%d", nanos).isEqualTo(expected(nanos));
        }
    }
}
