package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EventClock}: wall-clock nanos from monotonic readings, and the conversions. */
class EventClockTest {

    /** Generous: these machines are shared and noisy; a broken anchor is off by years, not a second. */
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;

    @Test
    void epochNanos_ofNanoTimeNow_isCloseToInstantNow() {
        long fromClock = EventClock.epochNanos(System.nanoTime());
        long fromWall = EventClock.toEpochNanos(Instant.now());

        assertThat(Math.abs(fromWall - fromClock)).isLessThan(ONE_SECOND_NANOS);
    }

    @Test
    void nowEpochNanos_isCloseToInstantNow() {
        long fromClock = EventClock.nowEpochNanos();
        long fromWall = EventClock.toEpochNanos(Instant.now());

        assertThat(Math.abs(fromWall - fromClock)).isLessThan(ONE_SECOND_NANOS);
    }

    @Test
    void epochNanos_betweenRecalibrations_followsTheMonotonicClock() {
        long first = System.nanoTime();
        long previousReading = first;
        long previousEpoch = EventClock.epochNanos(first);
        for (int i = 0; i < 10_000; i++) {
            long reading = System.nanoTime();
            long epoch = EventClock.epochNanos(reading);

            assertThat(epoch).isGreaterThanOrEqualTo(previousEpoch);
            assertThat(epoch - previousEpoch).isEqualTo(reading - previousReading);
            previousReading = reading;
            previousEpoch = epoch;
        }
    }

    @Test
    void recalibrate_doesNotThrowAndKeepsTheClockCloseToNow() {
        assertThatCode(EventClock::recalibrate).doesNotThrowAnyException();

        long fromClock = EventClock.nowEpochNanos();
        long fromWall = EventClock.toEpochNanos(Instant.now());
        assertThat(Math.abs(fromWall - fromClock)).isLessThan(ONE_SECOND_NANOS);
    }

    @Test
    void toInstant_forPositiveNanos_splitsSecondsAndNanos() {
        assertThat(EventClock.toInstant(1_700_000_000_123_456_789L))
                .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
        assertThat(EventClock.toInstant(0)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void toInstant_forNegativeNanos_roundsSecondsDownAndKeepsNanosPositive() {
        Instant instant = EventClock.toInstant(-1);

        assertThat(instant.getEpochSecond()).isEqualTo(-1);
        assertThat(instant.getNano()).isEqualTo(999_999_999);
        assertThat(EventClock.toInstant(-1_000_000_000L)).isEqualTo(Instant.ofEpochSecond(-1));
        assertThat(EventClock.toInstant(-1_000_000_001L)).isEqualTo(Instant.ofEpochSecond(-2, 999_999_999));
    }

    @Test
    void toEpochNanos_isTheInverseOfToInstant() {
        Instant instant = Instant.parse("1955-11-05T06:15:00.000000001Z");

        assertThat(EventClock.toInstant(EventClock.toEpochNanos(instant))).isEqualTo(instant);
    }

    @ParameterizedTest(name = "epochNanos {0}")
    @ValueSource(
            longs = {
                0,
                1,
                -1,
                123_456_789_012_345_678L,
                -123_456_789_012_345_678L,
                Long.MAX_VALUE,
                Long.MAX_VALUE - 1,
                -9_223_372_036_000_000_000L
            })
    void toEpochNanos_ofToInstant_roundTrips(long epochNanos) {
        assertThat(EventClock.toEpochNanos(EventClock.toInstant(epochNanos))).isEqualTo(epochNanos);
    }

    /**
     * Regression: {@code toEpochNanos} multiplied the (negative) seconds by 10^9 before adding the
     * nanos, which overflowed for the instants in the last second before {@code Long.MIN_VALUE}
     * nanos (September 1677) even though the sum fits.
     */
    @ParameterizedTest(name = "epochNanos {0}")
    @ValueSource(longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -9_223_372_036_000_000_001L})
    void toEpochNanos_nearLongMinValue_roundTripsInsteadOfOverflowing(long epochNanos) {
        assertThat(EventClock.toEpochNanos(EventClock.toInstant(epochNanos))).isEqualTo(epochNanos);
    }

    @Test
    void toEpochNanos_whenInstantIsOutOfRange_throwsArithmeticException() {
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> EventClock.toEpochNanos(Instant.parse("2262-04-11T23:47:16.854775808Z")));
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> EventClock.toEpochNanos(Instant.parse("1677-09-21T00:12:43.145224191Z")));
    }
}
