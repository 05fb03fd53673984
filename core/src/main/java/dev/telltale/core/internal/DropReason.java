package dev.telltale.core.internal;

/** Why {@code emit} did not accept an event. */
public enum DropReason {
    /** The calling thread's queue stripe was full: the drain is not keeping up. */
    QUEUE_FULL,
    /** Telltale was closed (or is closing): nothing more is accepted. */
    CLOSED,
    /**
     * The event was {@code null}, or a command handed over by its parts was not a valid event
     * ({@code null} or blank verb, negative duration).
     */
    NULL_EVENT
}
