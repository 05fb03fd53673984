package dev.telltale.core.internal;

/**
 * A unit of work run repeatedly by an {@link AgentRunner} on its one thread. Every method is called
 * from that thread only, which is what lets an agent keep plain fields.
 */
interface Agent {

    /** Called once on the runner's thread before the first {@link #doWork()}. */
    default void onStart() {}

    /**
     * Does a bounded amount of work and returns how much it did; 0 tells the runner it may idle.
     * An exception thrown here does not end the runner: it reports it and carries on.
     */
    int doWork() throws Exception;

    /** Called once on the runner's thread when the runner stops: finish and release everything. */
    default void onClose() {}

    /** Told about a {@link Throwable} that escaped {@link #doWork()}, before the runner carries on. */
    default void onError(Throwable error) {}

    /** The name of the runner's thread. */
    String roleName();
}
