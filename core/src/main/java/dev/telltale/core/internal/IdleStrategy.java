package dev.telltale.core.internal;

/** What a runner does between units of work. Called from the runner's thread only. */
interface IdleStrategy {

    /** Idles according to how much work the last {@code doWork()} did (0: none). */
    void idle(int workCount);

    /** Forgets any backoff state, so the next idle starts from the shortest wait. */
    void reset();
}
