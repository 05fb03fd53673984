package dev.telltale.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.DslEvent;
import dev.telltale.api.testing.Accounts;
import dev.telltale.core.Events;
import dev.telltale.core.EventsConfig;
import dev.telltale.store.jsonl.BadLinePolicy;
import dev.telltale.store.jsonl.JsonlReader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM that starts Telltale from system properties, emits, and exits without closing it. */
class ShutdownHookTest {

    @TempDir
    Path dir;

    /** The child: configured only by -D flags, as an operator would; never calls close(). */
    public static final class Child {
        public static void main(String[] args) {
            int count = Integer.parseInt(args[0]);
            Events events = Events.start(EventsConfig.fromSystem());
            for (int i = 0; i < count; i++) {
                events.emit(DslEvent.succeeded(i, null, "child.emit", i));
            }
            // Returning from main ends the JVM: only the shutdown hook can write what is queued.
        }
    }

    @Test
    void shutdownHook_inAProgramThatNeverCloses_persistsEveryAcceptedEvent() throws Exception {
        Path file = dir.resolve("child.jsonl");
        int count = 3_000;
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dtelltale.store=jsonl",
                        "-Dtelltale.store.path=" + file,
                        "-Dtelltale.buffer-size=8192",
                        // A flush interval longer than the child lives: only the hook's close can flush.
                        "-Dtelltale.flush-interval=1h",
                        Child.class.getName(),
                        Integer.toString(count))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).isZero();
        List<DslEvent> events;
        try (JsonlReader reader = JsonlReader.open(file, BadLinePolicy.FAIL);
                Stream<DslEvent> stream = reader.events()) {
            events = stream.toList();
        }
        assertThat(Accounts.finalAccount(events).persisted())
                .as("the hook closed the recorder: its final account")
                .isEqualTo(count);
        events = Accounts.withoutAccounts(events);
        assertThat(events).hasSize(count);
        assertThat(events.get(count - 1).epochNanos()).isEqualTo(count - 1);
    }
}
