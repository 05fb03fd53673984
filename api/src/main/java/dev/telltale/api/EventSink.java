package dev.telltale.api;

import java.util.UUID;

/**
 * Where events go. The contract every implementation keeps: {@link #emit} may be called from any
 * thread, never blocks, never throws and returns nothing; an event it cannot accept is dropped and
 * counted by the implementation.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that discards every event; for code that runs with events switched off. */
    EventSink DISCARDING = event -> {};

    /**
     * Hands an event over. Returns at once whether or not the event was accepted.
     *
     * @param event the event; a {@code null} is dropped like any event that cannot be accepted
     */
    void emit(DslEvent event);

    /**
     * Hands over a command that returned normally, given by its parts: the same as {@code
     * emit(DslEvent.succeeded(epochNanos, sessionId, verb, durationNanos))}, which is what this
     * default does. Telltale's own sink overrides it to take the parts without making an event
     * object, so that recording a command allocates nothing; generated code calls this.
     *
     * <p>Never throws: an invalid command ({@code null} or blank verb, negative duration) is dropped
     * and counted like a {@code null} event.
     */
    default void emitSucceeded(long epochNanos, UUID sessionId, String verb, long durationNanos) {
        DslEvent event;
        try {
            event = DslEvent.succeeded(epochNanos, sessionId, verb, durationNanos);
        } catch (RuntimeException invalid) {
            event = null;
        }
        emit(event);
    }
}
