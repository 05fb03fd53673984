package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentRunnerTest {

    /** Counts its steps; throws what {@code failOn} says on the given step numbers. */
    private static class ScriptedAgent implements Agent {
        final AtomicInteger steps = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final java.util.function.IntFunction<RuntimeException> failOn;
        final java.util.function.IntFunction<Error> errorOn;

        ScriptedAgent(
                java.util.function.IntFunction<RuntimeException> failOn,
                java.util.function.IntFunction<Error> errorOn) {
            this.failOn = failOn;
            this.errorOn = errorOn;
        }

        @Override
        public int doWork() {
            int step = steps.incrementAndGet();
            RuntimeException failure = failOn.apply(step);
            if (failure != null) {
                throw failure;
            }
            Error error = errorOn.apply(step);
            if (error != null) {
                throw error;
            }
            return 1;
        }

        @Override
        public void onClose() {
            closed.set(true);
        }

        @Override
        public void onError(Throwable error) {
            errors.add(error);
        }

        @Override
        public String roleName() {
            return "test-agent";
        }
    }

    private static AgentRunner runner(Agent agent) {
        return new AgentRunner(agent, new BackoffIdleStrategy(1, 1, 1_000, 100_000));
    }

    @Test
    void runner_whenWorkThrowsExceptionsAndErrors_carriesOnAndCountsRestarts() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(
                step -> step == 3 ? new IllegalStateException("boom") : null,
                step -> step == 5 ? new StackOverflowError("deep") : null);
        AgentRunner runner = runner(agent);
        runner.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 20);

        assertThat(runner.isAlive()).isTrue();
        assertThat(runner.restarts()).isEqualTo(2);
        assertThat(agent.errors).hasSize(2);
        assertThat(agent.errors.get(0)).hasMessage("boom");
        assertThat(agent.errors.get(1)).isInstanceOf(StackOverflowError.class);
        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void runner_whenOnErrorItselfThrows_stillCarriesOn() throws Exception {
        ScriptedAgent agent =
                new ScriptedAgent(step -> step == 2 ? new IllegalStateException("boom") : null, step -> null) {
                    @Override
                    public void onError(Throwable error) {
                        throw new IllegalStateException("reporting failed too");
                    }
                };
        AgentRunner runner = runner(agent);
        runner.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 10);

        assertThat(runner.isAlive()).isTrue();
        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
        assertThat(agent.closed).isTrue();
    }

    @Test
    void close_stopsTheThreadAndCallsOnCloseOnIt() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(step -> null, step -> null);
        AgentRunner runner = runner(agent);
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 0);

        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();

        assertThat(runner.isAlive()).isFalse();
        assertThat(agent.closed).isTrue();
        assertThat(runner.thread().getName()).isEqualTo("test-agent");
        assertThat(runner.thread().isDaemon()).isTrue();
    }

    @Test
    void close_whenOnCloseThrows_reportsItAndTheThreadStillEnds() throws Exception {
        IllegalStateException closing = new IllegalStateException("onClose failed");
        ScriptedAgent agent = new ScriptedAgent(step -> null, step -> null) {
            @Override
            public void onClose() {
                throw closing;
            }
        };
        AgentRunner runner = runner(agent);
        runner.start();

        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
        assertThat(agent.errors).containsExactly(closing);
    }

    @Test
    void start_whenOnErrorItselfThrows_theRunnerCarriesOn() throws Exception {
        ScriptedAgent agent =
                new ScriptedAgent(step -> step == 1 ? new IllegalStateException("work") : null, step -> null) {
                    @Override
                    public void onError(Throwable error) {
                        throw new IllegalStateException("reporting failed too");
                    }
                };
        AgentRunner runner = runner(agent);
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 5);

        assertThat(runner.restarts()).isEqualTo(1);
        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void close_beforeStart_returnsAtOnceAndNeverRunsTheAgent() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(step -> null, step -> null);
        AgentRunner runner = runner(agent);

        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
        assertThat(agent.steps).hasValue(0);
        assertThat(agent.closed).isFalse();
    }

    @Test
    void close_whenTheAgentDoesNotFinishInTime_saysSo() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedAgent agent = new ScriptedAgent(step -> null, step -> null) {
            @Override
            public void onClose() {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onClose();
            }
        };
        AgentRunner runner = runner(agent);
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 0);

        assertThat(runner.close(Duration.ofMillis(50))).isFalse();
        assertThat(runner.isAlive()).isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !runner.isAlive());
        assertThat(agent.closed).isTrue();
    }

    @Test
    void start_twice_isRefused() {
        AgentRunner runner = runner(new ScriptedAgent(step -> null, step -> null));
        runner.start();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(runner::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("test-agent already started");
        } finally {
            try {
                runner.close(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void interrupt_doesNotStopTheRunner() throws Exception {
        ScriptedAgent agent = new ScriptedAgent(step -> null, step -> null);
        AgentRunner runner = runner(agent);
        runner.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > 0);

        runner.thread().interrupt();
        int stepsAtInterrupt = agent.steps.get();

        await().atMost(Duration.ofSeconds(10)).until(() -> agent.steps.get() > stepsAtInterrupt + 10);
        assertThat(runner.isAlive()).isTrue();
        assertThat(runner.close(Duration.ofSeconds(10))).isTrue();
    }
}
