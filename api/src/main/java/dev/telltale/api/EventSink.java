package dev.telltale.api;

/**
 * Where events go. The contract every implementation keeps: {@link #emit} may be called from any
 * thread, never blocks, never throws and returns nothing; an event it cannot accept is dropped and
 * counted by the implementation.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that discards every event; for code that runs with events switched off. */
    EventSink DISCARDING = event -> { };

    /**
     * Hands an event over. Returns at once whether or not the event was accepted.
     *
     * @param event the event; a {@code null} is dropped like any event that cannot be accepted
     */
    void emit(DslEvent event);
}
