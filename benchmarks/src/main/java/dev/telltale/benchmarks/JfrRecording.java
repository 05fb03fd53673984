package dev.telltale.benchmarks;

import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The JFR baseline's state: a recording with {@link CommandJfrEvent} enabled, no threshold, no stack traces. */
@State(Scope.Benchmark)
public class JfrRecording {
    private Recording recording;

    @Setup(Level.Trial)
    public void start() {
        recording = new Recording();
        recording.enable(CommandJfrEvent.class).withoutThreshold().withoutStackTrace();
        recording.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        recording.stop();
        recording.close();
    }
}
