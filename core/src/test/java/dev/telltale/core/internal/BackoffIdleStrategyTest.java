package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        assertThatThrownBy(() -> new BackoffIdleStrategy(-1, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "need maxSpins >= 0, maxYields >= 0 and 1 <= minParkNanos <= maxParkNanos, got -1, 0, 1, 1");
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, 0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        new BackoffIdleStrategy(0, 0, 1, 1);
    }

    @Test
    void idle_afterTheLongestPark_sleepsDeeply_untilWorkResetsIt() {
        List<Long> sleeps = new ArrayList<>();
        BackoffIdleStrategy idle = new BackoffIdleStrategy(0, 0, 10, 20, sleeps::add, 1_000, 0);

        idle.idle(0);
        idle.idle(0);
        assertThat(sleeps).as("parks of 10 and 20 ns first").isEmpty();
        assertThat(idle.sleepsDeeplyNext()).isTrue();
        idle.idle(0);
        idle.idle(0);
        assertThat(sleeps).containsExactly(1_000L, 1_000L);

        idle.idle(1);
        assertThat(idle.sleepsDeeplyNext()).isFalse();
        idle.idle(0);
        assertThat(sleeps).hasSize(2);
        assertThat(new BackoffIdleStrategy(0, 0, 10, 20).sleepsDeeplyNext())
                .as("without a deep sleep")
                .isFalse();
        assertThatThrownBy(() -> new BackoffIdleStrategy(0, 0, 10, 20, sleeps::add, 19, 0))
                .hasMessage("need deepSleepNanos >= maxParkNanos, got 19");
    }

    @Test
    void anIdleDrainSleepsUntilAnEventIsAccepted_andTheEventWakesIt() throws Exception {
        EventEmitter emitter = new EventEmitter(2, 16);
        // A deep sleep of an hour: the event is drained only if accepting it woke the drain.
        BackoffIdleStrategy idle = new BackoffIdleStrategy(
                0, 0, 1_000, 1_000, emitter::sleepUntilWork, java.util.concurrent.TimeUnit.HOURS.toNanos(1), 0);
        List<DslEvent> drained = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread drain = new Thread(
                () -> {
                    while (!stop.get()) {
                        idle.idle(emitter.drainTo(drained::add, 16));
                    }
                },
                "test-drain");
        drain.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(emitter::drainSleeping);
            DslEvent event = DslEvent.succeeded(1, null, "wake.up", 1);

            emitter.emit(event);

            await().atMost(Duration.ofSeconds(10)).until(() -> drained.contains(event));
        } finally {
            stop.set(true);
            java.util.concurrent.locks.LockSupport.unpark(drain);
            emitter.emit(DslEvent.succeeded(2, null, "stop", 1));
            drain.join(10_000);
        }
        assertThat(drain.isAlive()).isFalse();
    }

    @Test
    void idle_afterPartialWork_parksOnceSoThatABatchBuildsUp() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(4, 0, 10, 20, null, 0, 512);
        idle.idle(0);
        idle.idle(0);
        assertThat(idle.spinsAndYields()).isEqualTo(2);

        idle.idle(100);

        assertThat(idle.spinsAndYields()).as("reset").isZero();
        assertThat(idle.nextParkNanos()).isEqualTo(10);
    }

    @Test
    void aDrainWithWorkWaiting_doesNotSleep() throws Exception {
        EventEmitter emitter = new EventEmitter(1, 4);
        emitter.emit(DslEvent.succeeded(1, null, "waiting", 1));
        Thread sleeper = new Thread(() -> emitter.sleepUntilWork(java.util.concurrent.TimeUnit.HOURS.toNanos(1)));

        sleeper.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> !sleeper.isAlive());
        assertThat(emitter.drainSleeping()).isFalse();
    }
}
