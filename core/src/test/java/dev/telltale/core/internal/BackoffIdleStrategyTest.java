package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffIdleStrategyTest {

    @Test
    void idle_spinsThenYieldsThenParksTwiceAsLongEachTimeUpToTheMaximum() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(2, 1, 10, 40);

        idle.idle(0);
        idle.idle(0);
        assertThat(idle.spinsAndYields()).isEqualTo(2);
        idle.idle(0);
        assertThat(idle.spinsAndYields()).as("then one yield").isEqualTo(3);
        assertThat(idle.nextParkNanos()).isEqualTo(10);
        idle.idle(0);
        assertThat(idle.nextParkNanos()).isEqualTo(20);
        idle.idle(0);
        assertThat(idle.nextParkNanos()).isEqualTo(40);
        idle.idle(0);
        assertThat(idle.nextParkNanos()).as("capped").isEqualTo(40);
        assertThat(idle.spinsAndYields()).isEqualTo(3);
    }

    @Test
    void idle_withWork_startsOverFromSpinning() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(1, 1, 10, 40);
        for (int i = 0; i < 5; i++) {
            idle.idle(0);
        }

        idle.idle(3);

        assertThat(idle.spinsAndYields()).isZero();
        assertThat(idle.nextParkNanos()).isEqualTo(10);
        idle.idle(0);
        assertThat(idle.spinsAndYields()).isEqualTo(1);
    }

    @Test
    void reset_startsOver() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(0, 0, 10, 40);
        idle.idle(0);
        assertThat(idle.nextParkNanos()).isEqualTo(20);

        idle.reset();

        assertThat(idle.nextParkNanos()).isEqualTo(10);
    }

    @Test
    void constructor_refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new BackoffIdleStrategy(-1, 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need maxSpins >= 0, maxYields >= 0 and 1 <= minParkNanos <= maxParkNanos, got -1, 0, 1, 1");
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        new BackoffIdleStrategy(0, 0, 1, 1);
    }
}
