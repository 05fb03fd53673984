package dev.telltale.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.telltale.api.EventHealth;
import dev.telltale.api.EventRuntime;
import dev.telltale.api.EventSink;
import org.junit.jupiter.api.Test;

/** A runtime found on the class path (core's) wins over one a container would install. */
class FoundRuntimeTest {

    @Test
    void install_whenCoreIsOnTheClassPath_changesNothing() {
        EventRuntime found = EventRuntime.current();
        EventRuntime other = new EventRuntime() {
            @Override
            public boolean isEnabled() {
                return false;
            }

            @Override
            public EventSink sink() {
                return EventSink.DISCARDING;
            }

            @Override
            public EventHealth health() {
                throw new AssertionError("never asked");
            }
        };

        assertThat(EventRuntime.install(other)).isFalse();
        assertThat(EventRuntime.current()).isSameAs(found);
        assertThat(EventRuntime.uninstall(other)).isFalse();
    }
}
