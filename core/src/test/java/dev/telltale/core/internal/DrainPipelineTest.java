package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.telltale.api.DslEvent;
import dev.telltale.core.testing.RecordingStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrainPipelineTest {

    private final RecordingOutput logged = new RecordingOutput();

    @Test
    void aRunningDrain_isAlive_persistsWhatIsEmitted_andClosesWithinItsTimeout() throws Exception {
        EventEmitter emitter = new EventEmitter(1, 16);
        RecordingStore store = new RecordingStore();
        DrainPipeline drain = new DrainPipeline(
                emitter,
                store,
                4,
                Duration.ofMillis(10),
                Duration.ofHours(1),
                new OperatorLog(Duration.ofHours(1).toNanos(), System::nanoTime, logged),
                Redaction.NONE);

        emitter.emit(DslEvent.succeeded(1, null, "a.b", 1));
        emitter.emitSucceeded(2, null, "a.b", 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> drain.persisted() == 2);
        assertThat(drain.drainAlive()).isTrue();
        assertThat(drain.drainRestarts()).isZero();
        emitter.close();
        assertThat(drain.close(Duration.ofSeconds(10)))
                .as("closed within the timeout")
                .isTrue();
        assertThat(drain.drainAlive()).isFalse();
        assertThat(store.events()).extracting(DslEvent::epochNanos).containsExactly(1L, 2L);
        assertThat(drain.lost()).isZero();
        assertThat(logged.lines).isEmpty();
    }
}
