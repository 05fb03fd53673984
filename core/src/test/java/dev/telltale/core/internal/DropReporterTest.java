package dev.telltale.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import org.junit.jupiter.api.Test;

class DropReporterTest {

    private final RecordingOutput output = new RecordingOutput();
    private final OperatorLog log = new OperatorLog(0, () -> 0, output);
    private final DropReporter reporter = DropReporter.logging(log);

    @Test
    void report_queueFull_namesTheCountTheCapacityAndTheSetting() {
        EventEmitter emitter = new EventEmitter(2, 4);
        for (int i = 0; i < 11; i++) {
            emitter.emit(DslEvent.succeeded(i, null, "a.b", 1));
        }

        reporter.report(3, 0, emitter);

        assertThat(output.lines)
                .containsExactly("WARN dropped 3 events since the last report because the queue was "
                        + "full (2 stripes x 4 events); " + emitter.dropped()
                        + " dropped in all. Raise telltale.buffer-size, "
                        + "or make the store faster.");
    }

    @Test
    void report_afterClose_saysSo() {
        reporter.report(0, 2, new EventEmitter(1, 2));

        assertThat(output.lines).containsExactly("WARN dropped 2 events emitted after close()");
    }

    @Test
    void report_nothingNew_saysNothing() {
        reporter.report(0, 0, new EventEmitter(1, 2));

        assertThat(output.lines).isEmpty();
    }
}
