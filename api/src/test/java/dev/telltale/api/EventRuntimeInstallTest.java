package dev.telltale.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A runtime installed by a container wins while it is installed, guarded as one found would be. */
class EventRuntimeInstallTest {

    /** Counts what it is given; {@code health} and {@code isEnabled} as told. */
    private static final class Counting implements EventRuntime, EventSink {
        final List<String> verbs = new ArrayList<>();

        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public EventSink sink() {
            return this;
        }

        @Override
        public EventHealth health() {
            throw new IllegalStateException("health is broken");
        }

        @Override
        public void emit(DslEvent event) {
            verbs.add(event.commandVerb());
        }

        @Override
        public void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
            verbs.add(verb);
        }
    }

    @Test
    void installed_isCurrentUntilUninstalled_andGuarded() {
        EventRuntime before = EventRuntime.current();
        Counting runtime = new Counting();
        EventRuntime.install(runtime);
        try {
            assertThat(EventRuntime.current().isEnabled()).isTrue();
            CommandTimer.start("while.installed").close();
            assertThat(runtime.verbs).containsExactly("while.installed");
            assertThat(EventRuntime.current().health().reasons())
                    .singleElement()
                    .asString()
                    .startsWith("the event runtime failed: java.lang.IllegalStateException: health is broken");

            assertThat(EventRuntime.uninstall(new Counting()))
                    .as("another runtime is not uninstalled")
                    .isFalse();
            assertThat(EventRuntime.current().isEnabled()).isTrue();
        } finally {
            assertThat(EventRuntime.uninstall(runtime)).isTrue();
        }
        assertThat(EventRuntime.current()).isSameAs(before);
        assertThat(EventRuntime.uninstall(runtime)).as("twice").isFalse();
        CommandTimer.start("after").close();
        assertThat(runtime.verbs).containsExactly("while.installed");
    }

    @Test
    void noRuntimeFound_isCompiledOut_outsideAFramework() throws Exception {
        assertThat(RuntimeHolder.none(null)).isSameAs(RuntimeHolder.Discarding.NONE);
        try (URLClassLoader plain = new URLClassLoader(new URL[0])) {
            assertThat(RuntimeHolder.none(plain).reason()).isEqualTo(EventRuntime.COMPILED_OUT);
        }
        assertThat(RuntimeHolder.isBundleLoader(getClass().getClassLoader())).isFalse();
        assertThat(RuntimeHolder.Discarding.NOT_STARTED.health().reasons()).containsExactly(EventRuntime.NOT_STARTED);
    }
}
