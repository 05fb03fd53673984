package dev.telltale.core;

import com.google.auto.service.AutoService;
import dev.telltale.api.DslEvent;
import dev.telltale.api.EventHealth;
import dev.telltale.api.EventRuntime;
import dev.telltale.api.EventSink;
import java.util.UUID;

/**
 * Connects generated code and sessions (which know only the api) to {@link Events#global()}.
 * Found by {@link java.util.ServiceLoader}; any thread.
 */
@AutoService(EventRuntime.class)
public final class GlobalEventRuntime implements EventRuntime, EventSink {

    @Override
    public boolean isEnabled() {
        return Events.global().isEnabled();
    }

    @Override
    public EventSink sink() {
        return this;
    }

    @Override
    public EventHealth health() {
        return Events.global().health();
    }

    @Override
    public void emit(DslEvent event) {
        Events.global().emit(event);
    }

    @Override
    public void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        Events.global().emitSucceeded(epochNanos, sessionId, verb, durationNanos);
    }
}
